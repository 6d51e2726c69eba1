using System.Globalization;

namespace Platform.Spatial;

/// <summary>
/// The CGCS2000 3-degree Gauss–Krüger zone used for metric work (areas, lengths, buffers, distances) at a longitude.
/// Chengdu (104.07°E) → EPSG:4544, central meridian 105°E.
/// </summary>
/// <param name="Epsg">EPSG code of the variant without zone prefix (4534–4554).</param>
/// <param name="ZoneNumber">3-degree zone number, 25–45.</param>
/// <param name="CentralMeridian">Central meridian, degrees east.</param>
public sealed record MetricZone(int Epsg, int ZoneNumber, double CentralMeridian)
{
    /// <summary>Westernmost longitude for which a zone is chosen (zone 25 then serves up to 3° from its meridian).</summary>
    public const double MinLongitude = 72.0;

    /// <summary>Easternmost longitude for which a zone is chosen.</summary>
    public const double MaxLongitude = 138.0;

    /// <summary><c>EPSG:n</c>.</summary>
    public string Code => string.Create(CultureInfo.InvariantCulture, $"EPSG:{Epsg}");

    /// <summary>The zone's CRS definition.</summary>
    public CrsDefinition Crs => CrsRegistry.Resolve(Epsg);

    /// <summary>Chooses the zone whose central meridian (a multiple of 3°) is nearest to <paramref name="lon"/>.</summary>
    /// <param name="lon">Longitude in degrees east (CGCS2000/WGS 84).</param>
    /// <exception cref="CoordinateOutOfRangeException">The longitude is not finite or outside 72°E–138°E (no CGCS2000 zone).</exception>
    public static MetricZone For(double lon)
    {
        if (!double.IsFinite(lon) || lon < MinLongitude || lon > MaxLongitude)
        {
            throw new CoordinateOutOfRangeException(0, string.Create(CultureInfo.InvariantCulture,
                $"longitude {lon} is outside {MinLongitude}°E–{MaxLongitude}°E, where CGCS2000 Gauss–Krüger zones exist"));
        }

        var zone = Math.Clamp((int)Math.Floor((lon + 1.5) / 3.0), 25, 45);
        return new MetricZone(4534 + zone - 25, zone, 3.0 * zone);
    }
}
