namespace Platform.Spatial;

/// <summary>GCJ-02 as a CRS: pivot (WGS 84 ≈ CGCS2000) ↔ GCJ-02.</summary>
internal sealed class Gcj02Codec : ICoordinateCodec
{
    public static Gcj02Codec Instance { get; } = new();

    public (double Lon, double Lat) ToGeographic(double x, double y) => Gcj02Offset.Inverse(x, y);

    public (double X, double Y) FromGeographic(double lon, double lat) => Gcj02Offset.Forward(lon, lat);
}

/// <summary>BD-09 as a CRS: pivot ↔ GCJ-02 ↔ BD-09.</summary>
internal sealed class Bd09Codec : ICoordinateCodec
{
    public static Bd09Codec Instance { get; } = new();

    public (double Lon, double Lat) ToGeographic(double x, double y)
    {
        var (gLon, gLat) = Bd09Offset.Inverse(x, y);
        return Gcj02Offset.Inverse(gLon, gLat);
    }

    public (double X, double Y) FromGeographic(double lon, double lat)
    {
        var (gLon, gLat) = Gcj02Offset.Forward(lon, lat);
        return Bd09Offset.Forward(gLon, gLat);
    }
}
