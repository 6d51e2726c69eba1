using NetTopologySuite.Geometries;

namespace Platform.Spatial;

/// <summary>
/// Metric measurement of EPSG:4490 (lon/lat) geometry, carried out in the CGCS2000 3-degree Gauss–Krüger zone
/// chosen from the geometry's centroid longitude (<see cref="MetricZone.For"/>; Chengdu: EPSG:4544).
/// </summary>
/// <remarks>
/// Results are plane (grid) values in that zone, as on Chinese survey drawings. They differ from ellipsoidal values by
/// the Gauss–Krüger scale factor 1 + d²/2R² (d = distance from the central meridian): ≤ 0.012 % for distances and
/// ≤ 0.024 % for areas within 1° of it (Chengdu, 104.07°E: ≈ 0.01 %), ≤ 0.03 %/0.06 % at a 1.5° zone edge.
/// A geometry must lie within 3.5° of longitude of the zone's central meridian, else
/// <see cref="CoordinateOutOfRangeException"/>. Geometries with an SRID other than 0, 4326 or 4490 are refused
/// with <see cref="ArgumentException"/>. NaN coordinates give <see cref="CoordinateOutOfRangeException"/>.
/// </remarks>
public static class GeometryMeasurement
{
    /// <summary>The metric zone used for <paramref name="geometry"/> (from its centroid longitude).</summary>
    public static MetricZone ZoneOf(Geometry geometry) => MetricProjection.For(geometry).Zone;

    /// <summary>Area in square metres (0 for points and lines).</summary>
    public static double AreaSquareMetres(Geometry geometry) =>
        geometry.IsEmpty ? 0 : Projected(geometry).Area;

    /// <summary>Length in metres; for polygons the perimeter, holes included.</summary>
    public static double LengthMetres(Geometry geometry) =>
        geometry.IsEmpty ? 0 : Projected(geometry).Length;

    /// <summary>Shortest distance in metres between two geometries (0 when they intersect), in the zone of their common centre.</summary>
    public static double DistanceMetres(Geometry a, Geometry b)
    {
        MetricProjection.CheckGeographic(a);
        MetricProjection.CheckGeographic(b);
        if (a.IsEmpty || b.IsEmpty)
        {
            throw new ArgumentException("cannot measure the distance to an empty geometry");
        }

        var both = new Envelope(a.EnvelopeInternal);
        both.ExpandToInclude(b.EnvelopeInternal);
        var projection = MetricProjection.ForLongitude(both.Centre.X);
        return projection.Project(a).Distance(projection.Project(b));
    }

    /// <summary>Distance in metres between two lon/lat points.</summary>
    public static double DistanceMetres(double lon1, double lat1, double lon2, double lat2)
    {
        var projection = MetricProjection.ForLongitude((lon1 + lon2) / 2);
        var (x1, y1) = projection.Project(lon1, lat1, 0);
        var (x2, y2) = projection.Project(lon2, lat2, 1);
        return Math.Sqrt((x2 - x1) * (x2 - x1) + (y2 - y1) * (y2 - y1));
    }

    /// <summary>
    /// Buffer by <paramref name="metres"/> (negative shrinks polygons), returned in EPSG:4490 lon/lat.
    /// Arcs are approximated with <paramref name="quadrantSegments"/> segments per quarter circle.
    /// </summary>
    public static Geometry Buffer(Geometry geometry, double metres, int quadrantSegments = 8)
    {
        if (!double.IsFinite(metres))
        {
            throw new ArgumentOutOfRangeException(nameof(metres), metres, "buffer distance must be a finite number of metres");
        }

        var projection = MetricProjection.For(geometry);
        return projection.Unproject(projection.Project(geometry).Buffer(metres, quadrantSegments));
    }

    /// <summary>Centroid (centre of mass in the metric plane), EPSG:4490; empty for an empty geometry.</summary>
    public static Point Centroid(Geometry geometry)
    {
        if (geometry.IsEmpty)
        {
            return StorageCrs.Factory.CreatePoint();
        }

        var projection = MetricProjection.For(geometry);
        return (Point)projection.Unproject(projection.Project(geometry).Centroid);
    }

    /// <summary>A point guaranteed to lie inside the geometry (for labels), EPSG:4490; empty for an empty geometry.</summary>
    public static Point InteriorPoint(Geometry geometry)
    {
        if (geometry.IsEmpty)
        {
            return StorageCrs.Factory.CreatePoint();
        }

        var projection = MetricProjection.For(geometry);
        return (Point)projection.Unproject(projection.Project(geometry).InteriorPoint);
    }

    private static Geometry Projected(Geometry geometry) => MetricProjection.For(geometry).Project(geometry);
}
