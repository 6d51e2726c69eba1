using System.Globalization;

namespace Platform.Spatial.Tests;

/// <summary>PROJ as the reference: cs2cs for transformations, geod for ellipsoidal distances (Debian proj-bin).</summary>
internal static class Proj
{
    private const string Package = "proj-bin";

    /// <summary>
    /// Transforms x/y pairs (x = lon/easting) with cs2cs. PROJ uses each CRS's official axis order, so pairs are
    /// swapped in and out for the lat-first (4490, 4326) and northing-first (CGCS2000 Gauss–Krüger) systems.
    /// </summary>
    public static (double X, double Y)[] Transform(string from, string to, IReadOnlyList<(double X, double Y)> points)
    {
        var input = string.Concat(points.Select(p =>
        {
            var (a, b) = NorthFirst(from) ? (p.Y, p.X) : (p.X, p.Y);
            return string.Create(CultureInfo.InvariantCulture, $"{a:R} {b:R}\n");
        }));
        var output = ExternalTool.Run("cs2cs", Package, ["-f", "%.12f", from, to], input);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var a = double.Parse(parts[0], CultureInfo.InvariantCulture);
            var b = double.Parse(parts[1], CultureInfo.InvariantCulture);
            return NorthFirst(to) ? (b, a) : (a, b);
        }).ToArray();
    }

    /// <summary>Geodesic distance in metres on the GRS80 ellipsoid (CGCS2000's) between lon/lat points.</summary>
    public static double GeodesicMetres(double lon1, double lat1, double lon2, double lat2) =>
        GeodesicMetres([(lon1, lat1, lon2, lat2)])[0];

    /// <summary>Geodesic distances in metres on GRS80 for many pairs of lon/lat points, in one run of geod.</summary>
    public static double[] GeodesicMetres(IEnumerable<(double Lon1, double Lat1, double Lon2, double Lat2)> pairs)
    {
        var input = string.Concat(pairs.Select(p =>
            string.Create(CultureInfo.InvariantCulture, $"{p.Lat1:R} {p.Lon1:R} {p.Lat2:R} {p.Lon2:R}\n")));
        var output = ExternalTool.Run("geod", Package, ["-I", "+ellps=GRS80", "-f", "%.12f", "-F", "%.6f"], input);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => double.Parse(line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[2], CultureInfo.InvariantCulture))
            .ToArray();
    }

    public static string ProjInfo(string code, string format) =>
        ExternalTool.Run("projinfo", Package, ["-o", format, "--single-line", "-q", code]).Trim();

    // EPSG axis order: geographic 4326/4490 latitude first; CGCS2000 Gauss–Krüger northing (X) first; 3857 easting first.
    private static bool NorthFirst(string code) => code switch
    {
        "EPSG:4326" or "EPSG:4490" => true,
        "EPSG:3857" => false,
        _ when int.TryParse(code.AsSpan(5), out var n) && n is >= 4491 and <= 4554 => true,
        _ => throw new ArgumentException($"axis order of {code} unknown to the test"),
    };
}
