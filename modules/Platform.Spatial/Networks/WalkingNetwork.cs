using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Union;

namespace Platform.Spatial;

/// <summary>
/// A walking network built from line geometry (roads, paths; EPSG:4490 lon/lat) for distances along the
/// network in metres, measured in one CGCS2000 3-degree Gauss–Krüger zone (chosen from the centre of the lines).
/// </summary>
/// <remarks>
/// <para>
/// Building: the lines (polygon outlines count as lines) are projected into the zone and noded with
/// NetTopologySuite's unary union, so two roads that cross are joined at the crossing; every vertex becomes a
/// node and every straight piece an undirected edge weighted by its length. Lines that do not meet are not joined:
/// a gap of a few centimetres in the source data splits the network (see <see cref="Components"/>). Crossings at
/// different levels (bridges over roads) are joined too, as the line data carries no level.
/// </para>
/// <para>
/// A walk from a point to a point: each point is <see cref="Snap">snapped</see> to the nearest point of the
/// network within a tolerance, and the distance is the straight access leg from the start to its snap point,
/// plus the shortest path along the network (Dijkstra), plus the straight leg from the target's snap point to the
/// target. Two points snapped to the same piece walk directly along it.
/// </para>
/// <para>Thread-safe once built; rebuild when the lines change.</para>
/// </remarks>
public sealed class WalkingNetwork
{
    private readonly MetricProjection? _projection;
    private readonly Coordinate[] _nodes;
    private readonly List<(int To, double Metres)>[] _adjacency;
    private readonly (int A, int B, double Metres)[] _edges;
    private readonly STRtree<int> _edgeIndex = new();

    private WalkingNetwork(MetricProjection? projection, Coordinate[] nodes, (int A, int B, double Metres)[] edges)
    {
        _projection = projection;
        _nodes = nodes;
        _edges = edges;
        _adjacency = new List<(int, double)>[nodes.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            _adjacency[i] = [];
        }

        for (var e = 0; e < edges.Length; e++)
        {
            var (a, b, metres) = edges[e];
            _adjacency[a].Add((b, metres));
            _adjacency[b].Add((a, metres));
            _edgeIndex.Insert(new Envelope(nodes[a], nodes[b]), e);
        }

        _edgeIndex.Build();
        LengthMetres = edges.Sum(e => e.Metres);
        Components = CountComponents();
    }

    /// <summary>A network with no lines: nothing snaps to it.</summary>
    public static WalkingNetwork Empty { get; } = new(null, [], []);

    /// <summary>The zone the network is measured in; null for an empty network.</summary>
    public MetricZone? Zone => _projection?.Zone;

    /// <summary>Number of nodes (every vertex and every crossing).</summary>
    public int NodeCount => _nodes.Length;

    /// <summary>Number of edges (straight pieces between nodes).</summary>
    public int EdgeCount => _edges.Length;

    /// <summary>Total length of the network in metres (overlapping lines counted once).</summary>
    public double LengthMetres { get; }

    /// <summary>Number of connected parts; more than one means some roads do not meet the others.</summary>
    public int Components { get; }

    /// <summary>Lines left out because they lie more than 3.5° of longitude from the zone of the median line.</summary>
    public int SkippedLines { get; private init; }

    /// <summary>
    /// Builds the network from lines, polygons (their outlines) or collections of them in EPSG:4490, in the zone of
    /// the median line; lines beyond that zone's reach are left out (<see cref="SkippedLines"/>).
    /// </summary>
    public static WalkingNetwork Build(IEnumerable<Geometry> geometries)
    {
        ArgumentNullException.ThrowIfNull(geometries);
        var lines = new List<Geometry>();
        foreach (var geometry in geometries)
        {
            MetricProjection.CheckGeographic(geometry);
            lines.AddRange(LinesOf(geometry));
        }

        if (lines.Count == 0)
        {
            return Empty;
        }

        // The zone of the median line, so that a stray line far away neither moves the zone nor breaks the build:
        // lines that do not fit that zone are left out and counted.
        var centres = lines.Select(l => l.EnvelopeInternal.Centre.X).Order().ToList();
        var projection = MetricProjection.ForLongitude(centres[centres.Count / 2]);
        var fitting = lines.Where(l => l.EnvelopeInternal.MinX >= projection.Zone.CentralMeridian - MetricProjection.MaxOffsetDegrees
            && l.EnvelopeInternal.MaxX <= projection.Zone.CentralMeridian + MetricProjection.MaxOffsetDegrees).ToList();
        var noded = UnaryUnionOp.Union(fitting.Select(projection.Project).ToList());
        var nodeIds = new Dictionary<(long, long), int>();
        var nodes = new List<Coordinate>();
        var edges = new List<(int, int, double)>();
        var seen = new HashSet<(int, int)>();

        int Node(Coordinate c)
        {
            // One millimetre grid: the union puts identical coordinates at crossings; this absorbs round-off only.
            var key = ((long)Math.Round(c.X * 1000), (long)Math.Round(c.Y * 1000));
            if (!nodeIds.TryGetValue(key, out var id))
            {
                id = nodes.Count;
                nodeIds[key] = id;
                nodes.Add(new Coordinate(c.X, c.Y));
            }

            return id;
        }

        for (var g = 0; g < noded.NumGeometries; g++)
        {
            if (noded.GetGeometryN(g) is not LineString line)
            {
                continue;
            }

            var coordinates = line.Coordinates;
            for (var i = 1; i < coordinates.Length; i++)
            {
                var a = Node(coordinates[i - 1]);
                var b = Node(coordinates[i]);
                if (a == b || !seen.Add((Math.Min(a, b), Math.Max(a, b))))
                {
                    continue;
                }

                edges.Add((a, b, nodes[a].Distance(nodes[b])));
            }
        }

        return new WalkingNetwork(projection, nodes.ToArray(), edges.ToArray()) { SkippedLines = lines.Count - fitting.Count };
    }

    /// <summary>
    /// The nearest point of the network to (<paramref name="lon"/>, <paramref name="lat"/>) if it lies within
    /// <paramref name="maxMetres"/>; null otherwise (also for points outside the network's zone, and NaN).
    /// </summary>
    public NetworkLocation? Snap(double lon, double lat, double maxMetres)
    {
        if (_projection is null || !double.IsFinite(lon) || !double.IsFinite(lat) || !(maxMetres >= 0))
        {
            return null;
        }

        double x, y;
        try
        {
            (x, y) = _projection.Project(lon, lat);
        }
        catch (CoordinateOutOfRangeException)
        {
            return null;
        }

        var p = new Coordinate(x, y);
        var search = new Envelope(x - maxMetres, x + maxMetres, y - maxMetres, y + maxMetres);
        NetworkLocation? best = null;
        foreach (var e in _edgeIndex.Query(search))
        {
            var (a, b, metres) = _edges[e];
            var segment = new LineSegment(_nodes[a], _nodes[b]);
            var fraction = Math.Clamp(segment.ProjectionFactor(p), 0, 1);
            var on = segment.PointAlong(fraction);
            var access = on.Distance(p);
            if (access <= maxMetres && (best is null || access < best.AccessMetres || (access == best.AccessMetres && e < best.Edge)))
            {
                best = new NetworkLocation(e, fraction * metres, access);
            }
        }

        return best;
    }

    /// <summary>
    /// Walking distances from <paramref name="origin"/> to every place within <paramref name="limitMetres"/>
    /// (access leg included); places further away are not explored.
    /// </summary>
    public NetworkReach From(NetworkLocation origin, double limitMetres)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (origin.Edge < 0 || origin.Edge >= _edges.Length)
        {
            throw new ArgumentException("the location was snapped to another network", nameof(origin));
        }

        var budget = limitMetres - origin.AccessMetres;
        var settled = new Dictionary<int, double>();
        // The node each settled node was reached from (-1: straight from the origin's snap point), for PathTo.
        var previous = new Dictionary<int, int>();
        var queue = new PriorityQueue<(int Node, int From), double>();
        var (a, b, metres) = _edges[origin.Edge];
        queue.Enqueue((a, -1), origin.AlongMetres);
        queue.Enqueue((b, -1), metres - origin.AlongMetres);
        while (queue.TryDequeue(out var item, out var distance))
        {
            var node = item.Node;
            if (distance > budget || settled.ContainsKey(node))
            {
                continue;
            }

            settled[node] = distance;
            previous[node] = item.From;
            foreach (var (to, length) in _adjacency[node])
            {
                if (!settled.ContainsKey(to) && distance + length <= budget)
                {
                    queue.Enqueue((to, node), distance + length);
                }
            }
        }

        return new NetworkReach(this, origin, limitMetres, settled, previous);
    }

    /// <summary>The network's edges as lines in EPSG:4490, for drawing; empty for an empty network.</summary>
    public IReadOnlyList<LineString> EdgesAsLines() =>
        _projection is null
            ? []
            : _edges.Select(e => (LineString)_projection.Unproject(StorageCrs.Factory.CreateLineString([_nodes[e.A], _nodes[e.B]]))).ToList();

    internal double EdgeMetres(int edge) => _edges[edge].Metres;

    internal Coordinate NodeAt(int node) => _nodes[node];

    /// <summary>The snap point of <paramref name="location"/> in the zone.</summary>
    internal Coordinate PointOf(NetworkLocation location)
    {
        var (a, b, metres) = _edges[location.Edge];
        var f = metres > 0 ? location.AlongMetres / metres : 0;
        return new Coordinate(_nodes[a].X + ((_nodes[b].X - _nodes[a].X) * f), _nodes[a].Y + ((_nodes[b].Y - _nodes[a].Y) * f));
    }

    /// <summary>Points of the zone back to EPSG:4490 lon/lat.</summary>
    internal LineString Unproject(IReadOnlyList<Coordinate> zone) =>
        (LineString)_projection!.Unproject(StorageCrs.Factory.CreateLineString(zone.Select(c => c.Copy()).ToArray()));

    internal (int A, int B) EdgeEnds(int edge) => (_edges[edge].A, _edges[edge].B);

    private static IEnumerable<Geometry> LinesOf(Geometry geometry)
    {
        if (geometry.IsEmpty)
        {
            yield break;
        }

        switch (geometry)
        {
            case LineString line:
                yield return line;
                break;
            case Polygon polygon:
                yield return polygon.Boundary;
                break;
            case GeometryCollection collection:
                for (var i = 0; i < collection.NumGeometries; i++)
                {
                    foreach (var part in LinesOf(collection.GetGeometryN(i)))
                    {
                        yield return part;
                    }
                }

                break;
            case Point:
                break;
            default:
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{geometry.GeometryType} cannot be part of a walking network"), nameof(geometry));
        }
    }

    private int CountComponents()
    {
        var seen = new bool[_nodes.Length];
        var count = 0;
        var stack = new Stack<int>();
        for (var start = 0; start < _nodes.Length; start++)
        {
            if (seen[start])
            {
                continue;
            }

            count++;
            seen[start] = true;
            stack.Push(start);
            while (stack.TryPop(out var node))
            {
                foreach (var (to, _) in _adjacency[node])
                {
                    if (!seen[to])
                    {
                        seen[to] = true;
                        stack.Push(to);
                    }
                }
            }
        }

        return count;
    }
}

/// <summary>A point snapped to a <see cref="WalkingNetwork"/>.</summary>
/// <param name="Edge">The edge it lies on.</param>
/// <param name="AlongMetres">Metres from the edge's first node to the snap point.</param>
/// <param name="AccessMetres">Straight distance in metres from the point to its snap point.</param>
public sealed record NetworkLocation(int Edge, double AlongMetres, double AccessMetres);

/// <summary>The result of a bounded search from one place: walking distances to places within the limit.</summary>
public sealed class NetworkReach
{
    private readonly WalkingNetwork _network;
    private readonly NetworkLocation _origin;
    private readonly IReadOnlyDictionary<int, double> _settled;
    private readonly IReadOnlyDictionary<int, int> _previous;

    internal NetworkReach(WalkingNetwork network, NetworkLocation origin, double limitMetres, IReadOnlyDictionary<int, double> settled, IReadOnlyDictionary<int, int> previous)
    {
        _network = network;
        _origin = origin;
        LimitMetres = limitMetres;
        _settled = settled;
        _previous = previous;
    }

    /// <summary>The search limit in metres.</summary>
    public double LimitMetres { get; }

    /// <summary>
    /// Walking distance in metres to <paramref name="target"/> (both access legs included), or null when it
    /// is further than <see cref="LimitMetres"/> or not connected.
    /// </summary>
    public double? To(NetworkLocation target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var best = double.PositiveInfinity;
        if (target.Edge == _origin.Edge)
        {
            best = Math.Abs(target.AlongMetres - _origin.AlongMetres);
        }

        var (a, b) = _network.EdgeEnds(target.Edge);
        if (_settled.TryGetValue(a, out var viaA))
        {
            best = Math.Min(best, viaA + target.AlongMetres);
        }

        if (_settled.TryGetValue(b, out var viaB))
        {
            best = Math.Min(best, viaB + _network.EdgeMetres(target.Edge) - target.AlongMetres);
        }

        var total = _origin.AccessMetres + best + target.AccessMetres;
        return total <= LimitMetres ? total : null;
    }

    /// <summary>
    /// The shortest walk along the network from the origin's snap point to <paramref name="target"/>'s, as a line in
    /// EPSG:4490 (the access legs left out: the caller knows the points it snapped); null when <see cref="To"/> is null.
    /// Its length in the network's zone is <see cref="To"/> less both access legs.
    /// </summary>
    public LineString? PathTo(NetworkLocation target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (To(target) is null)
        {
            return null;
        }

        var start = _network.PointOf(_origin);
        var end = _network.PointOf(target);
        var direct = target.Edge == _origin.Edge ? Math.Abs(target.AlongMetres - _origin.AlongMetres) : double.PositiveInfinity;
        var (a, b) = _network.EdgeEnds(target.Edge);
        var viaA = _settled.TryGetValue(a, out var da) ? da + target.AlongMetres : double.PositiveInfinity;
        var viaB = _settled.TryGetValue(b, out var db) ? db + _network.EdgeMetres(target.Edge) - target.AlongMetres : double.PositiveInfinity;
        if (direct <= viaA && direct <= viaB)
        {
            return _network.Unproject([start, end]);
        }

        var points = new List<Coordinate> { end };
        for (var node = viaA <= viaB ? a : b; node >= 0; node = _previous[node])
        {
            points.Add(_network.NodeAt(node));
        }

        points.Add(start);
        points.Reverse();
        return _network.Unproject(points);
    }
}
