using NetTopologySuite.Geometries;

namespace Platform.Spatial.Tests;

/// <summary>
/// A small network laid out in EPSG:4544 metres (converted to EPSG:4490 by PROJ's cs2cs), so every distance is
/// hand-computed in the plane: road H runs 1000 m east from (0, 0), road V 1000 m north from (500, −500) and
/// crosses H at (500, 0) with no shared vertex, and road R (0, 300)–(200, 300) touches neither.
/// </summary>
public sealed class WalkingNetworkTests
{
    private const double X0 = 410_000, Y0 = 3_364_000;

    private static readonly WalkingNetwork Network = WalkingNetwork.Build(
    [
        Line((0, 0), (1000, 0)),
        Line((500, -500), (500, 500)),
        Line((0, 300), (200, 300)),
    ]);

    [Fact]
    public void Build_NodesTheCrossing_AndCountsTheSeparatePart()
    {
        // H split at the crossing into two edges, V into two, R one: 5 edges, 7 nodes, 2200 m, 2 parts.
        Assert.Equal(5, Network.EdgeCount);
        Assert.Equal(7, Network.NodeCount);
        Assert.Equal(2200, Network.LengthMetres, 1e-3);
        Assert.Equal(2, Network.Components);
        Assert.Equal(4544, Network.Zone!.Epsg);
    }

    [Fact]
    public void Walk_AroundTheCorner_IsAccessPlusPathPlusEgress()
    {
        // P (100, 50) snaps to H at (100, 0): 50 m; Q (520, 400) snaps to V at (500, 400): 20 m.
        // 50 + 400 along H + 400 up V + 20 = 870 m, where the straight line is √(420² + 350²) ≈ 546.7 m.
        var p = Snap(100, 50);
        var q = Snap(520, 400);

        Assert.Equal(50, p.AccessMetres, 1e-3);
        Assert.Equal(20, q.AccessMetres, 1e-3);
        Assert.Equal(870, Network.From(p, 1000).To(q)!.Value, 1e-3);
        Assert.Equal(870, Network.From(q, 1000).To(p)!.Value, 1e-3);
    }

    [Fact]
    public void PathTo_AroundTheCorner_RunsFromSnapPointThroughTheCrossingToSnapPoint()
    {
        // P snaps to H at (100, 0), Q to V at (500, 400): the walk is (100, 0) → (500, 0) → (500, 400), 800 m.
        var path = Network.From(Snap(100, 50), 1000).PathTo(Snap(520, 400))!;
        var zone = Proj.Transform("EPSG:4490", "EPSG:4544", path.Coordinates.Select(c => (c.X, c.Y)).ToList()).Select(p => (p.X - X0, p.Y - Y0)).ToList();

        Assert.Equal(3, zone.Count);
        foreach (var (actual, expected) in zone.Zip(new[] { (100.0, 0.0), (500.0, 0.0), (500.0, 400.0) }))
        {
            Assert.Equal(expected.Item1, actual.Item1, 1e-3);
            Assert.Equal(expected.Item2, actual.Item2, 1e-3);
        }
    }

    [Fact]
    public void PathTo_AlongOnePiece_IsTheStraightPiece_AndNullWhereNotReached()
    {
        var reach = Network.From(Snap(100, 50), 1000);
        var zone = Proj.Transform("EPSG:4490", "EPSG:4544", reach.PathTo(Snap(300, -10))!.Coordinates.Select(c => (c.X, c.Y)).ToList());

        Assert.Equal([100.0, 300.0], zone.Select(p => Math.Round(p.X - X0, 3)));
        Assert.Null(reach.PathTo(Snap(100, 310)));
    }

    [Fact]
    public void Walk_BeyondTheLimit_IsNotReached()
    {
        var p = Snap(100, 50);
        var q = Snap(520, 400);

        Assert.Null(Network.From(p, 869).To(q));
        Assert.NotNull(Network.From(p, 871).To(q));
    }

    [Fact]
    public void Walk_AlongOnePiece_GoesDirectly()
    {
        // P (100, 50) and S (300, −10) both on H's western piece: 50 + 200 + 10 = 260 m.
        Assert.Equal(260, Network.From(Snap(100, 50), 1000).To(Snap(300, -10))!.Value, 1e-3);
    }

    [Fact]
    public void Walk_ToASeparatePart_IsNotReached_HoweverFar()
    {
        // T (100, 310) is 10 m from R and 310 m from H, so it snaps to R, which meets nothing.
        var t = Snap(100, 310);

        Assert.Equal(10, t.AccessMetres, 1e-3);
        Assert.Null(Network.From(Snap(100, 50), 100_000).To(t));
    }

    [Fact]
    public void Snap_FurtherThanTheTolerance_IsNull()
    {
        var (lon, lat) = FromZone(100, 150);

        Assert.Null(Network.Snap(lon, lat, 100));
        Assert.NotNull(Network.Snap(lon, lat, 151));
        Assert.Null(Network.Snap(double.NaN, lat, 100));
        Assert.Null(WalkingNetwork.Empty.Snap(lon, lat, 1000));
    }

    [Fact]
    public void Build_OfAPolygon_UsesItsOutline()
    {
        var ring = WalkingNetwork.Build([StorageCrs.Factory.CreatePolygon(((LineString)Line((0, 0), (400, 0), (400, 400), (0, 400), (0, 0))).CoordinateSequence)]);
        var (lon1, lat1) = FromZone(0, -10);
        var (lon2, lat2) = FromZone(410, 400);

        // Round the square from (0, 0) to (400, 400): either way 800 m, plus 10 m on each side.
        Assert.Equal(820, ring.From(ring.Snap(lon1, lat1, 50)!, 1000).To(ring.Snap(lon2, lat2, 50)!)!.Value, 1e-3);
        Assert.Equal(1, ring.Components);
    }

    [Fact]
    public void Build_LeavesOutALineInAnotherZone_AndKeepsTheZoneOfTheOthers()
    {
        var far = StorageCrs.Factory.CreateLineString([new Coordinate(112.0, 30.0), new Coordinate(112.01, 30.0)]);

        var network = WalkingNetwork.Build([Line((0, 0), (1000, 0)), Line((500, -500), (500, 500)), far]);

        Assert.Equal(1, network.SkippedLines);
        Assert.Equal(4544, network.Zone!.Epsg);
        Assert.Equal(2000, network.LengthMetres, 1e-3);
    }

    private static NetworkLocation Snap(double x, double y)
    {
        var (lon, lat) = FromZone(x, y);
        return Network.Snap(lon, lat, 200) ?? throw new InvalidOperationException($"({x}, {y}) did not snap");
    }

    private static (double Lon, double Lat) FromZone(double x, double y) => Proj.Transform("EPSG:4544", "EPSG:4490", [(X0 + x, Y0 + y)])[0];

    private static Geometry Line(params (double X, double Y)[] points)
    {
        var lonLat = Proj.Transform("EPSG:4544", "EPSG:4490", points.Select(p => (X0 + p.X, Y0 + p.Y)).ToList());
        return StorageCrs.Factory.CreateLineString(lonLat.Select(p => new Coordinate(p.X, p.Y)).ToArray());
    }
}
