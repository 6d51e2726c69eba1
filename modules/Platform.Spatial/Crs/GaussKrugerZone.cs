namespace Platform.Spatial;

/// <summary>Parameters of a CGCS2000 Gauss–Krüger zone (transverse Mercator, scale 1, latitude of origin 0, false northing 0).</summary>
/// <param name="ZoneWidthDegrees">3 or 6.</param>
/// <param name="ZoneNumber">Zone number: 25–45 for 3-degree zones (CM = 3·n), 13–23 for 6-degree zones (CM = 6·n − 3).</param>
/// <param name="CentralMeridian">Central meridian, degrees east (75..135).</param>
/// <param name="ZonePrefixedEasting">True when the false easting carries the zone number (n·1 000 000 + 500 000 m).</param>
public sealed record GaussKrugerZone(int ZoneWidthDegrees, int ZoneNumber, double CentralMeridian, bool ZonePrefixedEasting)
{
    /// <summary>False easting in metres: 500 000, or zone·1 000 000 + 500 000 for zone-prefixed variants.</summary>
    public double FalseEasting => ZonePrefixedEasting ? ZoneNumber * 1_000_000d + 500_000d : 500_000d;
}
