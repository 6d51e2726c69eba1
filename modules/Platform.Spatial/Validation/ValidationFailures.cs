using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace Platform.Spatial;

/// <summary>The failure results with their English and Chinese reasons, in one place so wording stays consistent.</summary>
internal static class ValidationFailures
{
    public static GeometryValidationResult TooManyVertices(long count, int max) =>
        GeometryValidationResult.Invalid(GeometryValidationCodes.TooManyVertices,
            $"geometry has {count} vertices, more than the limit of {max}",
            $"几何图形有 {count} 个顶点，超过上限 {max}");

    public static GeometryValidationResult TooManyVerticesAtLeast(int max) =>
        GeometryValidationResult.Invalid(GeometryValidationCodes.TooManyVertices,
            $"geometry has more vertices than the limit of {max}",
            $"几何图形的顶点数超过上限 {max}");

    public static GeometryValidationResult Empty() =>
        GeometryValidationResult.Invalid(GeometryValidationCodes.Empty, "geometry is empty", "几何图形为空");

    public static GeometryValidationResult NotFinite(int index) =>
        GeometryValidationResult.Invalid(GeometryValidationCodes.NotFinite,
            $"coordinate {index} is not a finite number (NaN or infinity)",
            $"第 {index} 个坐标不是有效数值（NaN 或无穷大）");

    public static GeometryValidationResult RingNotClosed(Coordinate first, Coordinate last) =>
        GeometryValidationResult.Invalid(GeometryValidationCodes.RingNotClosed,
            $"ring is not closed: first point {Xy(first)} differs from last point {Xy(last)}",
            $"环未闭合：首点 {Xy(first)} 与末点 {Xy(last)} 不一致", Location(first));

    public static GeometryValidationResult TooFewPoints(string what, int found, int needed, Coordinate? at) =>
        GeometryValidationResult.Invalid(GeometryValidationCodes.TooFewPoints,
            $"{what} has {found} points; at least {needed} are needed",
            $"{(what.Contains("ring", StringComparison.Ordinal) ? "环" : "线")}只有 {found} 个点，至少需要 {needed} 个",
            at is null ? null : Location(at));

    public static GeometryValidationResult OutsideChina(Coordinate c) =>
        GeometryValidationResult.Invalid(GeometryValidationCodes.OutsideChina,
            $"coordinate {Xy(c)} lies outside China (lon 73–136, lat 3–54); check that x is longitude and the CRS is EPSG:4490",
            $"坐标 {Xy(c)} 超出中国范围（经度 73–136，纬度 3–54）；请检查经纬度顺序和坐标系是否为 EPSG:4490",
            Location(c));

    public static GeometryValidationResult OutsideStreetExtent(Coordinate c, Envelope extent)
    {
        var box = $"lon {F(extent.MinX)}–{F(extent.MaxX)}, lat {F(extent.MinY)}–{F(extent.MaxY)}";
        return GeometryValidationResult.Invalid(GeometryValidationCodes.OutsideStreetExtent,
            $"coordinate {Xy(c)} lies outside the configured street extent ({box})",
            $"坐标 {Xy(c)} 超出街道范围（{box}）", Location(c));
    }

    public static GeometryValidationResult Topology(TopologyValidationError error)
    {
        var at = error.Coordinate;
        var where = at is null ? "" : $" at {Xy(at)}";
        var whereZh = at is null ? "" : $"，位置 {Xy(at)}";
        var (code, en, zh) = error.ErrorType switch
        {
            TopologyValidationErrors.SelfIntersection =>
                (GeometryValidationCodes.SelfIntersection, "edges cross each other (self-intersection)", "边界自相交"),
            TopologyValidationErrors.RingSelfIntersection =>
                (GeometryValidationCodes.RingSelfIntersection, "a ring touches or crosses itself", "环自相交或自接触"),
            TopologyValidationErrors.HoleOutsideShell =>
                (GeometryValidationCodes.HoleOutsideShell, "a hole lies outside its shell", "内环（洞）位于外环之外"),
            TopologyValidationErrors.NestedHoles =>
                (GeometryValidationCodes.NestedHoles, "a hole lies inside another hole", "内环相互嵌套"),
            TopologyValidationErrors.DisconnectedInteriors =>
                (GeometryValidationCodes.DisconnectedInterior, "holes split the polygon's interior", "内环将多边形内部分割为不连通的部分"),
            TopologyValidationErrors.NestedShells =>
                (GeometryValidationCodes.NestedShells, "a polygon of the multipolygon lies inside another", "多面中的多边形相互嵌套"),
            TopologyValidationErrors.DuplicateRings =>
                (GeometryValidationCodes.DuplicateRings, "two rings are identical", "存在重复的环"),
            TopologyValidationErrors.TooFewPoints =>
                (GeometryValidationCodes.TooFewPoints, "a line or ring has too few points", "线或环的点数过少"),
            TopologyValidationErrors.RingNotClosed =>
                (GeometryValidationCodes.RingNotClosed, "ring is not closed", "环未闭合"),
            TopologyValidationErrors.InvalidCoordinate =>
                (GeometryValidationCodes.NotFinite, "a coordinate is not a finite number", "坐标不是有效数值"),
            _ => (GeometryValidationCodes.InvalidTopology, $"invalid topology ({error.Message})", $"拓扑无效（{error.Message}）"),
        };
        return GeometryValidationResult.Invalid(code, en + where, zh + whereZh, at is null ? null : Location(at));
    }

    private static double[] Location(Coordinate c) => [c.X, c.Y];

    private static string Xy(Coordinate c) => $"({F(c.X)}, {F(c.Y)})";

    private static string F(double v) => GeometryValidator.Format(v);
}
