using System.Text;

namespace Platform.Spatial;

/// <summary>
/// The encoded polyline format (Google's algorithm) at six decimals ("polyline6", as OSRM and Valhalla write it):
/// a line of EPSG:4490 lon/lat points as a short URL-safe string, so a route fits a link to the print service.
/// </summary>
/// <remarks>
/// Each point is written latitude first, as the format defines, as the difference from the previous point in
/// millionths of a degree (about 0.1 m). Characters are 63–126, all allowed in a query string once escaped.
/// </remarks>
public static class EncodedPolyline
{
    private const double Factor = 1e6;

    /// <summary>Encodes (lon, lat) points, rounding each to six decimals.</summary>
    public static string Encode(IEnumerable<(double Lon, double Lat)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var text = new StringBuilder();
        long lastLat = 0, lastLon = 0;
        foreach (var (lon, lat) in points)
        {
            long y = (long)Math.Round(lat * Factor), x = (long)Math.Round(lon * Factor);
            Write(text, y - lastLat);
            Write(text, x - lastLon);
            (lastLat, lastLon) = (y, x);
        }

        return text.ToString();
    }

    /// <summary>Decodes a polyline6 string to (lon, lat) points; false when it is malformed or a point is out of range.</summary>
    public static bool TryDecode(string text, int maxPoints, out List<(double Lon, double Lat)> points)
    {
        ArgumentNullException.ThrowIfNull(text);
        points = [];
        long lat = 0, lon = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (points.Count >= maxPoints || !TryRead(text, ref i, out var dy) || !TryRead(text, ref i, out var dx))
            {
                return false;
            }

            lat += dy;
            lon += dx;
            var point = (Lon: lon / Factor, Lat: lat / Factor);
            if (point.Lon is < -180 or > 180 || point.Lat is < -90 or > 90)
            {
                return false;
            }

            points.Add(point);
        }

        return true;
    }

    private static void Write(StringBuilder text, long value)
    {
        var v = value < 0 ? ~(value << 1) : value << 1;
        while (v >= 0x20)
        {
            text.Append((char)((0x20 | (v & 0x1f)) + 63));
            v >>= 5;
        }

        text.Append((char)(v + 63));
    }

    private static bool TryRead(string text, ref int i, out long value)
    {
        long result = 0;
        var shift = 0;
        value = 0;
        while (true)
        {
            if (i >= text.Length || shift > 55)
            {
                return false;
            }

            var b = text[i++] - 63;
            if (b is < 0 or > 63)
            {
                return false;
            }

            result |= (long)(b & 0x1f) << shift;
            shift += 5;
            if (b < 0x20)
            {
                break;
            }
        }

        value = (result & 1) != 0 ? ~(result >> 1) : result >> 1;
        return true;
    }
}
