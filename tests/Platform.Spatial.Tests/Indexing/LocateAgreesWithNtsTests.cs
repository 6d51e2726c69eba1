using NetTopologySuite.Geometries;

namespace Platform.Spatial.Tests;

/// <summary>Locate against NetTopologySuite's own Covers on irregular polygons with holes, including boundary points.</summary>
public sealed class LocateAgreesWithNtsTests
{
    [Fact]
    public void Locate_GivesTheFirstEntryThatCovers_ForRandomAndBoundaryPoints()
    {
        var random = new Random(42);
        var factory = StorageCrs.Factory;
        var shapes = Enumerable.Range(0, 25).Select(_ =>
        {
            var centre = new Coordinate(104.0 + random.NextDouble() * 0.1, 30.3 + random.NextDouble() * 0.1);
            var blobs = Enumerable.Range(0, 4).Select(_ => factory.CreatePoint(new Coordinate(
                centre.X + random.NextDouble() * 0.01, centre.Y + random.NextDouble() * 0.01)).Buffer(0.004 + random.NextDouble() * 0.004, 3));
            var shape = factory.BuildGeometry(blobs.ToArray()).Union();
            var hole = factory.CreatePoint(centre).Buffer(0.002, 2);
            return shape.Difference(hole);
        }).Where(g => g is IPolygonal && !g.IsEmpty).ToArray();
        AssertAgrees(shapes, random);
    }

    [Fact]
    public void Locate_GivesTheFirstEntryThatCovers_ForLongEdgedOverlappingTriangles()
    {
        // Few vertices make a coarse grid whose cells many long diagonal edges cross.
        var random = new Random(7);
        var shapes = Enumerable.Range(0, 6).Select(_ =>
        {
            var c = Enumerable.Range(0, 3)
                .Select(_ => new Coordinate(104.0 + random.NextDouble() * 0.1, 30.3 + random.NextDouble() * 0.1)).ToArray();
            return (Geometry)StorageCrs.Factory.CreatePolygon([c[0], c[1], c[2], c[0].Copy()]);
        }).ToArray();
        AssertAgrees(shapes, random);
    }

    private static void AssertAgrees(Geometry[] shapes, Random random)
    {
        var factory = StorageCrs.Factory;
        var index = new SpatialIndex<int>(shapes.Select((g, i) => new SpatialIndexEntry<int>(i, g)));

        var probes = Enumerable.Range(0, 6_000)
            .Select(_ => new Coordinate(103.99 + random.NextDouble() * 0.13, 30.29 + random.NextDouble() * 0.13))
            .Concat(shapes.SelectMany(s => s.Coordinates)) // on the boundary
            .ToArray();
        var interior = 0;
        foreach (var probe in probes)
        {
            var point = factory.CreatePoint(probe);
            var expected = Array.FindIndex(shapes, s => s.Covers(point));
            Assert.Equal(expected < 0 ? null : expected, index.Locate(probe)?.Key);
            interior += expected >= 0 ? 1 : 0;
        }

        Assert.InRange(interior, 500, probes.Length - 500); // the probes test both answers
    }
}
