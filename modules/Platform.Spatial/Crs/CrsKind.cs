namespace Platform.Spatial;

/// <summary>The family a coordinate reference system belongs to; it decides the units of x and y.</summary>
public enum CrsKind
{
    /// <summary>Longitude/latitude in degrees on CGCS2000 or WGS 84 (EPSG:4490, EPSG:4326, OGC:CRS84).</summary>
    Geographic,

    /// <summary>CGCS2000 Gauss–Krüger (transverse Mercator) zone; easting/northing in metres.</summary>
    GaussKruger,

    /// <summary>Web Mercator (EPSG:3857); x/y in metres on the spherical Mercator grid.</summary>
    WebMercator,

    /// <summary>GCJ-02 ("Mars coordinates", Amap/Tencent): WGS 84 degrees shifted by the GCJ-02 offset inside China.</summary>
    Gcj02,

    /// <summary>BD-09 (Baidu): GCJ-02 degrees shifted again by Baidu's offset.</summary>
    Bd09,
}
