using Platform.Spatial;

namespace Platform.Registers.Shared;

/// <summary>The label point of a register's geometry (EPSG:4490, lon/lat): the point its community is located by.</summary>
internal static class LabelPoints
{
    public static (double Lon, double Lat) Of(string wkt)
    {
        var p = GeometryMeasurement.InteriorPoint(WellKnownText.Read(wkt));
        return (p.X, p.Y);
    }
}
