using System.Text.Json;
using Platform.Testing;

namespace Platform.Host.Tests.Linkage;

/// <summary>
/// Shortest walking distances between points along the demo roads, worked out here without the platform's code: the
/// roads as the OGC API serves them (GeoJSON), projected by PROJ's cs2cs into the CGCS2000 zone of 105°E (EPSG:4544)
/// only to find where roads cross and where a point meets its nearest road; every piece is then measured on the
/// ellipsoid by PROJ's geod between its ends in lon/lat, and Dijkstra runs over those pieces.
/// </summary>
/// <remarks>
/// A point walks straight to the nearest point of the nearest road (its access leg, measured by geod), along the roads,
/// and straight from the road to the target. Roads are joined wherever two pieces cross or one ends on another.
/// </remarks>
internal sealed class RoadDistanceReference
{
    public const int Zone = 4544;

    private readonly List<(double Lon, double Lat)> _nodes = [];
    private readonly List<List<(int To, double Metres)>> _adjacent = [];
    private readonly int[] _snapNodes;
    private readonly double[] _access;

    private RoadDistanceReference(int[] snapNodes, double[] access) => (_snapNodes, _access) = (snapNodes, access);

    /// <summary>Walking metres between points <paramref name="i"/> and <paramref name="j"/> of those given to <see cref="Build"/>.</summary>
    public double[,] Matrix()
    {
        var n = _snapNodes.Length;
        var d = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            var along = Dijkstra(_snapNodes[i]);
            for (var j = 0; j < n; j++)
                d[i, j] = i == j ? 0 : _access[i] + along[_snapNodes[j]] + _access[j];
        }
        return d;
    }

    public static RoadDistanceReference Build(JsonElement roads, IReadOnlyList<(double Lon, double Lat)> points)
    {
        var lines = new List<List<(double Lon, double Lat)>>();
        foreach (var feature in roads.GetProperty("features").EnumerateArray())
        {
            var g = feature.GetProperty("geometry");
            var parts = g.GetProperty("type").GetString() switch
            {
                "LineString" => [g.GetProperty("coordinates")],
                "MultiLineString" => g.GetProperty("coordinates").EnumerateArray().ToList(),
                var other => throw new InvalidOperationException($"a road is a {other}"),
            };
            lines.AddRange(parts.Select(p => p.EnumerateArray().Select(c => (c[0].GetDouble(), c[1].GetDouble())).ToList()));
        }

        // Segments in the zone, with the lon/lat of their ends.
        var vertices = lines.SelectMany(l => l).ToList();
        var projected = Proj.ToGaussKruger(Zone, vertices);
        var segments = new List<Segment>();
        var k = 0;
        foreach (var line in lines)
        {
            for (var i = 0; i < line.Count; i++, k++)
                if (i > 0)
                    segments.Add(new Segment(projected[k - 1], projected[k], line[i - 1], line[i]));
        }

        // Where segments meet: crossings, and ends lying on another segment.
        for (var a = 0; a < segments.Count; a++)
            for (var b = a + 1; b < segments.Count; b++)
                if (Intersect(segments[a], segments[b]) is { } hit)
                {
                    segments[a].Splits.Add((hit.Ta, hit.Point, null));
                    segments[b].Splits.Add((hit.Tb, hit.Point, null));
                }

        // Each point meets its nearest segment at the foot of the perpendicular (or an end).
        var sites = Proj.ToGaussKruger(Zone, points);
        for (var s = 0; s < sites.Count; s++)
        {
            var nearest = segments.Select(seg => (Segment: seg, Foot: Foot(seg, sites[s]))).MinBy(x => Dist(x.Foot.Point, sites[s]));
            nearest.Segment.Splits.Add((nearest.Foot.T, nearest.Foot.Point, s));
        }

        // New points (crossings and feet) back to lon/lat, by cs2cs.
        var fresh = segments.SelectMany(seg => seg.Splits.Where(x => (x.T > 0 && x.T < 1) || x.Site is not null).Select(x => x.Point)).Distinct().ToList();
        var freshLonLat = Proj.FromGaussKruger(Zone, fresh).Select((p, i) => (fresh[i], p)).ToDictionary(x => x.Item1, x => x.p);

        var reference = new RoadDistanceReference(new int[points.Count], new double[points.Count]);
        var ids = new Dictionary<(long, long), int>();
        int Node((double X, double Y) zone, (double Lon, double Lat) lonLat)
        {
            var key = ((long)Math.Round(zone.X * 100), (long)Math.Round(zone.Y * 100));
            if (!ids.TryGetValue(key, out var id))
            {
                ids[key] = id = reference._nodes.Count;
                reference._nodes.Add(lonLat);
                reference._adjacent.Add([]);
            }
            return id;
        }

        var pieces = new List<(int A, int B)>();
        foreach (var seg in segments)
        {
            var stops = new List<(double T, (double X, double Y) Point, (double Lon, double Lat) LonLat, int? Site)> { (0, seg.P, seg.PLonLat, null), (1, seg.Q, seg.QLonLat, null) };
            stops.AddRange(seg.Splits.Select(x => (x.T, x.Point, x.T <= 0 && x.Site is null ? seg.PLonLat : x.T >= 1 && x.Site is null ? seg.QLonLat : freshLonLat[x.Point], x.Site)));
            var ordered = stops.OrderBy(x => x.T).Select(x => (Id: Node(x.Point, x.LonLat), x.Site)).ToList();
            foreach (var (id, site) in ordered.Where(x => x.Site is not null))
                reference._snapNodes[site!.Value] = id;
            for (var i = 1; i < ordered.Count; i++)
                if (ordered[i - 1].Id != ordered[i].Id)
                    pieces.Add((ordered[i - 1].Id, ordered[i].Id));
        }

        var lengths = Proj.Geod(pieces.Select(p => (reference._nodes[p.A], reference._nodes[p.B])).ToList());
        for (var i = 0; i < pieces.Count; i++)
        {
            reference._adjacent[pieces[i].A].Add((pieces[i].B, lengths[i]));
            reference._adjacent[pieces[i].B].Add((pieces[i].A, lengths[i]));
        }

        var access = Proj.Geod(points.Select((p, i) => (p, reference._nodes[reference._snapNodes[i]])).ToList());
        for (var i = 0; i < points.Count; i++)
            reference._access[i] = access[i];
        return reference;
    }

    private double[] Dijkstra(int start)
    {
        var d = Enumerable.Repeat(double.PositiveInfinity, _nodes.Count).ToArray();
        var queue = new PriorityQueue<int, double>();
        d[start] = 0;
        queue.Enqueue(start, 0);
        while (queue.TryDequeue(out var node, out var at))
        {
            if (at > d[node])
                continue;
            foreach (var (to, metres) in _adjacent[node])
                if (at + metres < d[to])
                {
                    d[to] = at + metres;
                    queue.Enqueue(to, d[to]);
                }
        }
        return d;
    }

    private sealed record Segment((double X, double Y) P, (double X, double Y) Q, (double Lon, double Lat) PLonLat, (double Lon, double Lat) QLonLat)
    {
        public List<(double T, (double X, double Y) Point, int? Site)> Splits { get; } = [];
    }

    private static double Dist((double X, double Y) a, (double X, double Y) b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));

    private static (double T, (double X, double Y) Point) Foot(Segment s, (double X, double Y) p)
    {
        double dx = s.Q.X - s.P.X, dy = s.Q.Y - s.P.Y;
        var t = Math.Clamp((((p.X - s.P.X) * dx) + ((p.Y - s.P.Y) * dy)) / ((dx * dx) + (dy * dy)), 0, 1);
        return (t, (s.P.X + (t * dx), s.P.Y + (t * dy)));
    }

    /// <summary>Where two segments meet (parameters along each and the point), within a millimetre; null if they do not, or are parallel.</summary>
    private static (double Ta, double Tb, (double X, double Y) Point)? Intersect(Segment a, Segment b)
    {
        const double Eps = 1e-3;
        if (Math.Max(a.P.X, a.Q.X) + Eps < Math.Min(b.P.X, b.Q.X) || Math.Max(b.P.X, b.Q.X) + Eps < Math.Min(a.P.X, a.Q.X)
            || Math.Max(a.P.Y, a.Q.Y) + Eps < Math.Min(b.P.Y, b.Q.Y) || Math.Max(b.P.Y, b.Q.Y) + Eps < Math.Min(a.P.Y, a.Q.Y))
            return null;
        double rx = a.Q.X - a.P.X, ry = a.Q.Y - a.P.Y, sx = b.Q.X - b.P.X, sy = b.Q.Y - b.P.Y;
        var denominator = (rx * sy) - (ry * sx);
        if (Math.Abs(denominator) < 1e-9)
            return null;
        double qx = b.P.X - a.P.X, qy = b.P.Y - a.P.Y;
        var t = ((qx * sy) - (qy * sx)) / denominator;
        var u = ((qx * ry) - (qy * rx)) / denominator;
        double la = Math.Sqrt((rx * rx) + (ry * ry)), lb = Math.Sqrt((sx * sx) + (sy * sy));
        if (t * la < -Eps || (t - 1) * la > Eps || u * lb < -Eps || (u - 1) * lb > Eps)
            return null;
        // At an end of either segment, the end itself: the same vertex must become the same node on both.
        t = t * la <= Eps ? 0 : (1 - t) * la <= Eps ? 1 : t;
        u = u * lb <= Eps ? 0 : (1 - u) * lb <= Eps ? 1 : u;
        var point = t == 0 ? a.P : t == 1 ? a.Q : u == 0 ? b.P : u == 1 ? b.Q : (a.P.X + (t * rx), a.P.Y + (t * ry));
        return (t, u, point);
    }
}
