namespace Platform.Spatial;

/// <summary>
/// EPSG:4490, EPSG:4326 and OGC:CRS84 share the pivot unchanged: CGCS2000 and WGS 84 differ by well under a metre,
/// and PROJ also converts between them with a null transformation.
/// </summary>
internal sealed class GeographicCodec : ICoordinateCodec
{
    public static GeographicCodec Instance { get; } = new();

    public (double Lon, double Lat) ToGeographic(double x, double y) => (x, y);

    public (double X, double Y) FromGeographic(double lon, double lat) => (lon, lat);
}
