namespace Platform.Spatial;

/// <summary>Converts between a CRS's own (x, y) and CGCS2000/WGS 84 longitude/latitude, the pivot of every transformation.</summary>
internal interface ICoordinateCodec
{
    (double Lon, double Lat) ToGeographic(double x, double y);

    (double X, double Y) FromGeographic(double lon, double lat);
}
