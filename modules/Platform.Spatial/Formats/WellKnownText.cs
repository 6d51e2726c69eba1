using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Platform.Spatial;

/// <summary>WKT (OGC Well-Known Text) in EPSG:4490 longitude/latitude; geometries read get SRID 4490.</summary>
public static class WellKnownText
{
    /// <summary>
    /// Reads WKT, e.g. <c>POLYGON ((104.06 30.39, 104.08 30.39, 104.08 30.41, 104.06 30.39))</c>. A <c>LINEARRING</c>
    /// is read as the LineString it is (<see cref="Rfc7946Shape.RingsAsLines"/>), so no bare ring reaches an answer.
    /// </summary>
    /// <exception cref="GeometryFormatException">Not parseable WKT.</exception>
    /// <exception cref="InvalidGeometryException">A polygon ring that is not closed or a line/ring with too few points.</exception>
    public static Geometry Read(string wkt)
    {
        ArgumentNullException.ThrowIfNull(wkt);
        try
        {
            return Rfc7946Shape.RingsAsLines(new WKTReader(StorageCrs.Services).Read(wkt));
        }
        catch (ArgumentException ex) when (ex.Message.Contains("closed", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidGeometryException(GeometryValidationResult.Invalid(GeometryValidationCodes.RingNotClosed,
                "ring is not closed: its first and last points differ", "环未闭合：首尾点不一致"));
        }
        catch (ArgumentException ex) when (ex.Message.Contains("number of points", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidGeometryException(GeometryValidationResult.Invalid(GeometryValidationCodes.TooFewPoints,
                $"too few points: {ex.Message}", "线或环的点数过少"));
        }
        catch (Exception ex) when (ex is ParseException or FormatException or ArgumentException)
        {
            throw new GeometryFormatException("$", $"malformed WKT: {ex.Message}", ex);
        }
    }

    /// <summary>Writes WKT with full double precision.</summary>
    public static string Write(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        return new WKTWriter().Write(geometry);
    }
}
