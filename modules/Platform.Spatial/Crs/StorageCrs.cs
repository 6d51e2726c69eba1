using NetTopologySuite;
using NetTopologySuite.Geometries;

namespace Platform.Spatial;

/// <summary>The storage CRS, EPSG:4490 (CGCS2000 longitude/latitude in degrees), and the geometry factory that stamps it.</summary>
public static class StorageCrs
{
    /// <summary><c>EPSG:4490</c>.</summary>
    public const string Code = "EPSG:4490";

    /// <summary>4490, the SRID of every stored geometry.</summary>
    public const int Srid = 4490;

    // Declared before Factory: static initialisers run in text order.
    internal static readonly NtsGeometryServices Services = new(PrecisionModel.Floating.Value, Srid);

    /// <summary>Floating-precision factory creating geometries with SRID 4490.</summary>
    public static GeometryFactory Factory { get; } = Services.CreateGeometryFactory();
}
