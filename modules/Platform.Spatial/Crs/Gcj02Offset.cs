namespace Platform.Spatial;

/// <summary>
/// The GCJ-02 offset, written after the widely published reference algorithm (the "eviltransform" /
/// "coordtransform" implementations: Krasovsky-like a = 6 378 245 m, e² = 0.00669342162296594323).
/// Forward is that closed form, kept in its order of operations so results agree to the last bits;
/// the inverse has no closed form and is found by fixed-point iteration.
/// </summary>
internal static class Gcj02Offset
{
    private const double A = 6378245.0;
    private const double Ee = 0.00669342162296594323;

    // The reference algorithm's box: outside it GCJ-02 equals WGS 84.
    public static readonly AreaOfUse China = new(72.004, 0.8293, 137.8347, 55.8271);

    public static bool OutOfChina(double lon, double lat) =>
        lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;

    public static (double Lon, double Lat) Forward(double lon, double lat)
    {
        if (OutOfChina(lon, lat))
        {
            return (lon, lat);
        }

        var (dLon, dLat) = Delta(lon, lat);
        return (lon + dLon, lat + dLat);
    }

    public static (double Lon, double Lat) Inverse(double gcjLon, double gcjLat)
    {
        if (OutOfChina(gcjLon, gcjLat))
        {
            return (gcjLon, gcjLat);
        }

        // The offset changes by about 0.2 % per degree, so w ← w + (g − F(w)) contracts fast: 3–5 rounds reach 1e-11°.
        double lon = gcjLon, lat = gcjLat;
        for (var i = 0; i < 50; i++)
        {
            var (fLon, fLat) = Forward(lon, lat);
            double eLon = gcjLon - fLon, eLat = gcjLat - fLat;
            lon += eLon;
            lat += eLat;
            if (Math.Abs(eLon) < 1e-11 && Math.Abs(eLat) < 1e-11)
            {
                break;
            }
        }

        return (lon, lat);
    }

    private static (double DLon, double DLat) Delta(double lon, double lat)
    {
        var dLat = TransformLat(lon - 105.0, lat - 35.0);
        var dLon = TransformLon(lon - 105.0, lat - 35.0);
        var radLat = lat / 180.0 * Math.PI;
        var magic = Math.Sin(radLat);
        magic = 1 - Ee * magic * magic;
        var sqrtMagic = Math.Sqrt(magic);
        dLat = dLat * 180.0 / (A * (1 - Ee) / (magic * sqrtMagic) * Math.PI);
        dLon = dLon * 180.0 / (A / sqrtMagic * Math.Cos(radLat) * Math.PI);
        return (dLon, dLat);
    }

    private static double TransformLat(double x, double y)
    {
        var ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.Sqrt(Math.Abs(x));
        ret += (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.Sin(y * Math.PI) + 40.0 * Math.Sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.Sin(y / 12.0 * Math.PI) + 320 * Math.Sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double TransformLon(double x, double y)
    {
        var ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.Sqrt(Math.Abs(x));
        ret += (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.Sin(x * Math.PI) + 40.0 * Math.Sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.Sin(x / 12.0 * Math.PI) + 300.0 * Math.Sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
