using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace Platform.Spatial.Tests;

/// <summary>Bare rings and left-handed polygons are put in RFC 7946's shapes, WKT in, WKT out.</summary>
public sealed class Rfc7946ShapeTests
{
    [Fact]
    public void LinearRingWkt_IsReadAsTheClosedLineStringItIs()
    {
        var read = WellKnownText.Read("LINEARRING (104 30, 104.01 30, 104.01 30.01, 104 30)");

        Assert.IsNotType<LinearRing>(read);
        Assert.Equal("LINESTRING (104 30, 104.01 30, 104.01 30.01, 104 30)", WellKnownText.Write(read));
        Assert.Equal(4490, read.SRID);
    }

    [Fact]
    public void RingsInsideCollections_BecomeLines_AndAreaRingsBecomePolygons()
    {
        var factory = StorageCrs.Factory;
        var ring = factory.CreateLinearRing([new(104, 30), new(104.01, 30), new(104.01, 30.01), new(104, 30)]);
        var collection = factory.CreateGeometryCollection([ring, factory.CreatePoint(new Coordinate(104, 30))]);

        Assert.Equal("GEOMETRYCOLLECTION (LINESTRING (104 30, 104.01 30, 104.01 30.01, 104 30), POINT (104 30))",
            WellKnownText.Write(Rfc7946Shape.RingsAsLines(collection)));
        Assert.Equal("POLYGON ((104 30, 104.01 30, 104.01 30.01, 104 30))", WellKnownText.Write(Rfc7946Shape.RingsAsAreas(ring)));
    }

    [Fact]
    public void ClockwisePolygon_IsTurnedCounterClockwise_WithItsHoleClockwise()
    {
        // Exterior clockwise (north first from the south-west corner), hole counter-clockwise: both wrong for RFC 7946.
        var polygon = WellKnownText.Read("POLYGON ((104 30, 104 30.1, 104.1 30.1, 104.1 30, 104 30), (104.02 30.02, 104.05 30.02, 104.05 30.05, 104.02 30.02))");

        var right = (Polygon)Rfc7946Shape.Conform(polygon);

        Assert.True(Orientation.IsCCW(right.ExteriorRing.CoordinateSequence));
        Assert.False(Orientation.IsCCW(right.GetInteriorRingN(0).CoordinateSequence));
        Assert.True(right.EqualsTopologically(polygon));
        var already = WellKnownText.Read("POLYGON ((104 30, 104.1 30, 104.1 30.1, 104 30.1, 104 30))");
        Assert.Same(already, Rfc7946Shape.Conform(already));
    }
}
