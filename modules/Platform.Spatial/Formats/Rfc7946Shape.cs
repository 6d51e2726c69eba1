using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace Platform.Spatial;

/// <summary>
/// Puts geometry in the shapes GeoJSON (RFC 7946) can carry: a bare <see cref="LinearRing"/> — NetTopologySuite's
/// closed line, which WKT writes as <c>LINEARRING</c> and which is none of GeoJSON's seven types — becomes a
/// <see cref="LineString"/> (or a <see cref="Polygon"/> where the ring means an area), and polygons follow the
/// right-hand rule (§3.1.6: exterior rings counter-clockwise, holes clockwise).
/// </summary>
/// <remarks>Each method returns its argument itself when nothing needs changing, so the common case allocates nothing.</remarks>
public static class Rfc7946Shape
{
    /// <summary>Every bare ring in <paramref name="geometry"/> (at any depth of a collection) as a LineString with the same positions.</summary>
    public static Geometry RingsAsLines(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        return geometry switch
        {
            LinearRing ring => Line(ring),
            MultiLineString lines when lines.Geometries.Any(g => g is LinearRing) =>
                geometry.Factory.CreateMultiLineString(lines.Geometries.Select(g => g is LinearRing r ? Line(r) : (LineString)g).ToArray()),
            GeometryCollection collection when collection is not (MultiPoint or MultiLineString or MultiPolygon)
                && collection.Geometries.Any(g => !ReferenceEquals(RingsAsLines(g), g)) =>
                geometry.Factory.CreateGeometryCollection(collection.Geometries.Select(RingsAsLines).ToArray()),
            _ => geometry,
        };
    }

    /// <summary>A bare ring as the area it bounds (a Polygon); any other geometry unchanged.</summary>
    public static Geometry RingsAsAreas(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        return geometry is LinearRing ring ? Keep(geometry.Factory.CreatePolygon((LinearRing)ring.Copy()), geometry) : geometry;
    }

    /// <summary>Polygons with counter-clockwise exterior rings and clockwise holes (RFC 7946 §3.1.6), in lon/lat.</summary>
    public static Geometry RightHanded(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        return geometry switch
        {
            Polygon polygon => Orient(polygon),
            MultiPolygon multi when multi.Geometries.Any(g => !ReferenceEquals(Orient((Polygon)g), g)) =>
                Keep(geometry.Factory.CreateMultiPolygon(multi.Geometries.Select(g => Orient((Polygon)g)).ToArray()), geometry),
            GeometryCollection collection when collection is not (MultiPoint or MultiLineString or MultiPolygon)
                && collection.Geometries.Any(g => !ReferenceEquals(RightHanded(g), g)) =>
                Keep(geometry.Factory.CreateGeometryCollection(collection.Geometries.Select(RightHanded).ToArray()), geometry),
            _ => geometry,
        };
    }

    /// <summary><see cref="RingsAsLines"/> then <see cref="RightHanded"/>: what every GeoJSON answer needs.</summary>
    public static Geometry Conform(Geometry geometry) => RightHanded(RingsAsLines(geometry));

    private static LineString Line(LinearRing ring) =>
        (LineString)Keep(ring.Factory.CreateLineString(ring.CoordinateSequence.Copy()), ring);

    private static Polygon Orient(Polygon polygon)
    {
        if (polygon.IsEmpty)
            return polygon;
        var shellRight = Orientation.IsCCW(polygon.ExteriorRing.CoordinateSequence);
        var holesRight = polygon.InteriorRings.All(h => !Orientation.IsCCW(h.CoordinateSequence));
        if (shellRight && holesRight)
            return polygon;
        var shell = shellRight ? (LinearRing)polygon.ExteriorRing.Copy() : (LinearRing)polygon.ExteriorRing.Reverse();
        var holes = polygon.InteriorRings.Select(h => Orientation.IsCCW(h.CoordinateSequence) ? (LinearRing)h.Reverse() : (LinearRing)h.Copy()).ToArray();
        return (Polygon)Keep(polygon.Factory.CreatePolygon(shell, holes), polygon);
    }

    private static Geometry Keep(Geometry made, Geometry from)
    {
        made.SRID = from.SRID;
        return made;
    }
}
