namespace Platform.Spatial;

/// <summary>
/// The 64 CGCS2000 Gauss–Krüger systems: 3-degree EPSG:4513–4533 (zone-prefixed easting, zones 25–45) and
/// 4534–4554 (CM 75°E–135°E), 6-degree EPSG:4491–4501 (zones 13–23) and 4502–4512.
/// </summary>
internal static class GaussKrugerZones
{
    // Longitude bounds of each zone's area of use as the EPSG dataset states them (edge zones clipped to China,
    // some edges 0.01° wide of the zone limit). Read with `projinfo EPSG:n -o WKT2_2019` (BBOX), PROJ 9 / EPSG 10.
    private static readonly (double West, double East)[] ThreeDegree =
    [
        (73.62, 76.5), (76.5, 79.5), (79.5, 82.51), (82.5, 85.5), (85.5, 88.5), (88.49, 91.51), (91.5, 94.5),
        (94.5, 97.51), (97.5, 100.5), (100.5, 103.5), (103.5, 106.51), (106.5, 109.51), (109.5, 112.5),
        (112.5, 115.5), (115.5, 118.5), (118.5, 121.5), (121.5, 124.5), (124.5, 127.5), (127.5, 130.5),
        (130.5, 133.5), (133.5, 134.77),
    ];

    private static readonly (double West, double East)[] SixDegree =
    [
        (73.62, 78.01), (77.98, 84), (84, 90), (90, 96.01), (96, 102.01), (102, 108), (108, 114), (114, 120),
        (120, 126), (126, 132), (132, 134.77),
    ];

    /// <summary>China's latitude extent including the South China Sea islands; EPSG's per-zone bounds are tighter.</summary>
    public const double South = 3.0;

    /// <summary>Northern tip of China (Mohe, 53.56°N) rounded up.</summary>
    public const double North = 54.0;

    public static bool IsGaussKruger(int epsg) => epsg is >= 4491 and <= 4554;

    public static CrsDefinition Create(int epsg)
    {
        var (zone, name, bounds) = Describe(epsg);
        var codec = new Lazy<ProjNetCodec>(() =>
            new ProjNetCodec(ProjNetSystems.Cgcs2000, ProjNetSystems.GaussKruger(name, epsg, zone)));
        return new CrsDefinition($"EPSG:{epsg}", name, CrsKind.GaussKruger, epsg,
            new AreaOfUse(bounds.West, South, bounds.East, North), new LazyCodec(codec), zone);
    }

    private static (GaussKrugerZone Zone, string Name, (double West, double East) Bounds) Describe(int epsg)
    {
        if (epsg is >= 4513 and <= 4533)
        {
            var n = epsg - 4513 + 25;
            return (new GaussKrugerZone(3, n, 3 * n, true), $"CGCS2000 / 3-degree Gauss-Kruger zone {n}", ThreeDegree[n - 25]);
        }

        if (epsg is >= 4534 and <= 4554)
        {
            var i = epsg - 4534;
            var n = 25 + i;
            return (new GaussKrugerZone(3, n, 3 * n, false), $"CGCS2000 / 3-degree Gauss-Kruger CM {3 * n}E", ThreeDegree[i]);
        }

        if (epsg is >= 4491 and <= 4501)
        {
            var n = epsg - 4491 + 13;
            return (new GaussKrugerZone(6, n, 6 * n - 3, true), $"CGCS2000 / Gauss-Kruger zone {n}", SixDegree[n - 13]);
        }

        if (epsg is >= 4502 and <= 4512)
        {
            var i = epsg - 4502;
            var n = 13 + i;
            return (new GaussKrugerZone(6, n, 6 * n - 3, false), $"CGCS2000 / Gauss-Kruger CM {6 * n - 3}E", SixDegree[i]);
        }

        throw new ArgumentOutOfRangeException(nameof(epsg), epsg, "not a CGCS2000 Gauss–Krüger EPSG code");
    }

    private sealed class LazyCodec(Lazy<ProjNetCodec> inner) : ICoordinateCodec
    {
        public (double Lon, double Lat) ToGeographic(double x, double y) => inner.Value.ToGeographic(x, y);

        public (double X, double Y) FromGeographic(double lon, double lat) => inner.Value.FromGeographic(lon, lat);
    }
}
