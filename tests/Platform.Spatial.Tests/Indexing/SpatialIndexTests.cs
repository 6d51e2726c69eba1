using NetTopologySuite.Geometries;

namespace Platform.Spatial.Tests;

/// <summary>Hand-made communities with known containment, and a boundary that changes on 2024-07-01.</summary>
public sealed class SpatialIndexTests
{
    private static readonly DateOnly Change = new(2024, 7, 1);

    // West and East share the edge lon 104.01; Ring has a hole; Triangle's bounding box covers (104.035, 30.009) but it does not.
    private static readonly SpatialIndex<string> Index = new(
    [
        new("West", Wkt("POLYGON ((104 30, 104.01 30, 104.01 30.01, 104 30.01, 104 30))")),
        new("East", Wkt("POLYGON ((104.01 30, 104.02 30, 104.02 30.01, 104.01 30.01, 104.01 30))")),
        new("Ring", Wkt("POLYGON ((104.03 30.03, 104.06 30.03, 104.06 30.06, 104.03 30.06, 104.03 30.03), (104.04 30.04, 104.05 30.04, 104.05 30.05, 104.04 30.05, 104.04 30.04))")),
        new("Triangle", Wkt("POLYGON ((104.03 30, 104.04 30, 104.03 30.01, 104.03 30))")),
        new("Old", Wkt("POLYGON ((104.1 30.1, 104.11 30.1, 104.11 30.11, 104.1 30.11, 104.1 30.1))"), ValidTo: Change),
        new("New", Wkt("POLYGON ((104.1 30.1, 104.12 30.1, 104.12 30.11, 104.1 30.11, 104.1 30.1))"), ValidFrom: Change),
        new("School", Wkt("POINT (104.005 30.02)")),
    ]);

    [Theory]
    [InlineData(104.005, 30.005, "West")]
    [InlineData(104.015, 30.005, "East")]
    [InlineData(104.01, 30.005, "West")] // on the shared edge: the earlier entry
    [InlineData(104.035, 30.035, "Ring")]
    [InlineData(104.045, 30.045, null)] // in the hole
    [InlineData(104.035, 30.009, null)] // inside Triangle's bounding box, outside Triangle
    [InlineData(104.032, 30.002, "Triangle")]
    [InlineData(104.005, 30.02, null)] // on the school point: points are not areas
    [InlineData(104.115, 30.105, "New")] // current boundary
    public void Locate_FindsTheContainingPolygon(double lon, double lat, string? expected) =>
        Assert.Equal(expected, Index.Locate(lon, lat)?.Key);

    [Theory]
    [InlineData("2024-06-30", 104.105, 30.105, "Old")]
    [InlineData("2024-06-30", 104.115, 30.105, null)] // the New extension did not exist yet
    [InlineData("2024-07-01", 104.105, 30.105, "New")] // ValidTo is exclusive, ValidFrom inclusive
    [InlineData("2024-07-01", 104.115, 30.105, "New")]
    public void Locate_AsOfADate_UsesTheBoundaryValidThen(string date, double lon, double lat, string? expected) =>
        Assert.Equal(expected, Index.Locate(lon, lat, DateOnly.Parse(date))?.Key);

    [Fact]
    public void LocateAll_ReturnsEveryContainingEntry()
    {
        Assert.Equal(["West", "East"], Index.LocateAll(104.01, 30.005).Select(e => e.Key));
        Assert.Empty(Index.LocateAll(104.045, 30.045));
    }

    [Fact]
    public void Query_TestsGeometries_NotOnlyBoundingBoxes()
    {
        var box = new Envelope(104.034, 104.036, 30.008, 30.0095); // inside Triangle's bbox, off Triangle

        Assert.Empty(Index.Query(box));
        Assert.Equal(["West", "East"], Index.Query(new Envelope(104.009, 104.011, 30.001, 30.002)).Select(e => e.Key));
        Assert.Equal(["Old"], Index.Query(new Envelope(104.1, 104.105, 30.1, 30.105), new DateOnly(2020, 1, 1)).Select(e => e.Key));
    }

    [Fact]
    public void WithinDistance_MeasuresMetres_AsGeodDoes()
    {
        // 0.001° east of East's edge (lon 104.02) at the same latitude; geod gives the ground distance.
        var expected = Proj.GeodesicMetres(104.02, 30.005, 104.021, 30.005);
        var point = StorageCrs.Factory.CreatePoint(new Coordinate(104.021, 30.005));

        var matches = Index.WithinDistance(point, 100);

        var east = Assert.Single(matches);
        Assert.Equal("East", east.Entry.Key);
        Assert.InRange(east.DistanceMetres, expected * 0.9999, expected * 1.00015);
        Assert.Equal(2, Index.WithinDistance(point, expected + 1000).Count(m => m.Entry.Key is "West" or "East"));
        Assert.Empty(Index.WithinDistance(point, expected * 0.99));
    }

    [Fact]
    public void Nearest_OrdersByMetricDistance()
    {
        var nearSchool = StorageCrs.Factory.CreatePoint(new Coordinate(104.006, 30.021));

        var nearest = Index.Nearest(nearSchool, 3);

        Assert.Equal(["School", "West", "East"], nearest.Select(m => m.Entry.Key));
        Assert.True(nearest[0].DistanceMetres < nearest[1].DistanceMetres);
        Assert.Equal(6, Index.Nearest(nearSchool, 100).Count); // current entries only: Old is retired
    }

    [Fact]
    public void EmptyIndex_AnswersNothing()
    {
        var empty = new SpatialIndex<int>([]);
        Assert.Null(empty.Locate(104, 30));
        Assert.Empty(empty.Nearest(StorageCrs.Factory.CreatePoint(new Coordinate(104, 30)), 3));
    }

    [Fact]
    public void ManyPoints_AllAssignedToTheirGridCell()
    {
        // 20 × 15 cells of 0.005°: the key encodes the cell, so every point's answer can be checked by arithmetic.
        var cells = from i in Enumerable.Range(0, 20)
                    from j in Enumerable.Range(0, 15)
                    let x = 104 + i * 0.005
                    let y = 30.3 + j * 0.005
                    select new SpatialIndexEntry<int>(i * 100 + j,
                        StorageCrs.Factory.ToGeometry(new Envelope(x, x + 0.005, y, y + 0.005)));
        var index = new SpatialIndex<int>(cells);
        var random = new Random(7);
        for (var n = 0; n < 20_000; n++)
        {
            var (i, j) = (random.Next(20), random.Next(15));
            var lon = 104 + i * 0.005 + 0.0001 + random.NextDouble() * 0.0048;
            var lat = 30.3 + j * 0.005 + 0.0001 + random.NextDouble() * 0.0048;
            Assert.Equal(i * 100 + j, index.Locate(lon, lat)!.Key);
        }
    }

    private static Geometry Wkt(string wkt) => WellKnownText.Read(wkt);
}
