namespace Platform.Spatial;

/// <summary>
/// Baidu's BD-09 offset on top of GCJ-02, after the published reference (x_pi = π·3000/180). Forward is the closed
/// form; the published inverse is only approximate, so it serves as the start of a fixed-point iteration.
/// Like the reference, the offset applies everywhere (only the GCJ-02 step is limited to China).
/// </summary>
internal static class Bd09Offset
{
    private const double XPi = Math.PI * 3000.0 / 180.0;

    public static (double Lon, double Lat) Forward(double gcjLon, double gcjLat)
    {
        double x = gcjLon, y = gcjLat;
        var z = Math.Sqrt(x * x + y * y) + 0.00002 * Math.Sin(y * XPi);
        var theta = Math.Atan2(y, x) + 0.000003 * Math.Cos(x * XPi);
        return (z * Math.Cos(theta) + 0.0065, z * Math.Sin(theta) + 0.006);
    }

    public static (double Lon, double Lat) Inverse(double bdLon, double bdLat)
    {
        double x = bdLon - 0.0065, y = bdLat - 0.006;
        var z = Math.Sqrt(x * x + y * y) - 0.00002 * Math.Sin(y * XPi);
        var theta = Math.Atan2(y, x) - 0.000003 * Math.Cos(x * XPi);
        double lon = z * Math.Cos(theta), lat = z * Math.Sin(theta);
        for (var i = 0; i < 50; i++)
        {
            var (fLon, fLat) = Forward(lon, lat);
            double eLon = bdLon - fLon, eLat = bdLat - fLat;
            lon += eLon;
            lat += eLat;
            if (Math.Abs(eLon) < 1e-11 && Math.Abs(eLat) < 1e-11)
            {
                break;
            }
        }

        return (lon, lat);
    }
}
