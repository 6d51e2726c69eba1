using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Platform.Spatial;

/// <summary>WKB (OGC Well-Known Binary, little-endian, 2D) in EPSG:4490 longitude/latitude.</summary>
public static class WellKnownBinary
{
    /// <summary>Reads WKB or EWKB; the geometry gets SRID 4490 unless the EWKB carries another.</summary>
    /// <exception cref="GeometryFormatException">Not parseable WKB.</exception>
    /// <exception cref="InvalidGeometryException">A ring that is not closed or too few points.</exception>
    public static Geometry Read(byte[] wkb)
    {
        ArgumentNullException.ThrowIfNull(wkb);
        try
        {
            var geometry = new WKBReader(StorageCrs.Services).Read(wkb);
            if (geometry.SRID <= 0)
            {
                geometry.SRID = StorageCrs.Srid;
            }

            return geometry;
        }
        catch (ArgumentException ex) when (ex.Message.Contains("closed", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidGeometryException(GeometryValidationResult.Invalid(GeometryValidationCodes.RingNotClosed,
                "ring is not closed: its first and last points differ", "环未闭合：首尾点不一致"));
        }
        catch (Exception ex) when (ex is ParseException or ArgumentException or IOException or InvalidOperationException)
        {
            throw new GeometryFormatException("$", $"malformed WKB: {ex.Message}", ex);
        }
    }

    /// <summary>Writes little-endian ISO WKB (no SRID).</summary>
    public static byte[] Write(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        return new WKBWriter(ByteOrder.LittleEndian).Write(geometry);
    }
}
