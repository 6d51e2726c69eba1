using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Platform.Spatial;

/// <summary>
/// An immutable, thread-safe spatial index over EPSG:4490 geometries (an STR-packed R-tree of NetTopologySuite), with
/// point-in-polygon through prepared (indexed) polygons, bounding-box queries, and metric within-distance and
/// k-nearest queries. Entries carry a validity interval, so questions can be asked as of a date.
/// </summary>
/// <remarks>
/// Dates: an entry is valid on d when ValidFrom ≤ d &lt; ValidTo; a null date asks about current entries (ValidTo null).
/// Points on a polygon's boundary count as inside; when several polygons contain a point, the earliest added wins.
/// Metric queries project into the query point's 3-degree Gauss–Krüger zone; entries more than 3.5° of longitude
/// from its central meridian cannot be measured (<see cref="CoordinateOutOfRangeException"/>).
/// Rebuild the index (cheap: 300 polygons in well under a millisecond per polygon) when entries change.
/// </remarks>
/// <typeparam name="TKey">The caller's identifier.</typeparam>
public sealed class SpatialIndex<TKey>
{
    private readonly IndexSlot<TKey>[] _slots;
    private readonly AbstractNode<Envelope, int>? _root;

    /// <summary>Builds the index.</summary>
    /// <param name="entries">Entries; empty geometries are kept in <see cref="Entries"/> but never match.</param>
    public SpatialIndex(IEnumerable<SpatialIndexEntry<TKey>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _slots = entries.Select((e, i) => new IndexSlot<TKey>(e ?? throw new ArgumentException("null entry", nameof(entries)), i))
            .ToArray();
        var tree = new STRtree<int>();
        foreach (var slot in _slots)
        {
            if (!slot.Entry.Geometry.IsEmpty)
            {
                tree.Insert(slot.Entry.Geometry.EnvelopeInternal, slot.Ordinal);
            }
        }

        tree.Build();
        _root = tree.IsEmpty ? null : tree.Root;
        Entries = Array.AsReadOnly(_slots.Select(s => s.Entry).ToArray());
        Bounds = _root?.Bounds ?? new Envelope();
    }

    /// <summary>All entries, in the order given.</summary>
    public IReadOnlyList<SpatialIndexEntry<TKey>> Entries { get; }

    /// <summary>Number of entries.</summary>
    public int Count => _slots.Length;

    /// <summary>Bounding box of all non-empty entries (null envelope when there are none).</summary>
    public Envelope Bounds { get; }

    /// <summary>The polygonal entry containing the point (boundary included), or null.</summary>
    /// <param name="lon">Longitude, degrees (EPSG:4490).</param>
    /// <param name="lat">Latitude, degrees.</param>
    /// <param name="asOf">Date the answer is for; null = current entries.</param>
    public SpatialIndexEntry<TKey>? Locate(double lon, double lat, DateOnly? asOf = null)
    {
        if (_root is null || !double.IsFinite(lon) || !double.IsFinite(lat))
        {
            return null;
        }

        var best = -1;
        var point = new Coordinate(lon, lat);
        LocateIn(_root, point, asOf, ref best, null);
        return best < 0 ? null : _slots[best].Entry;
    }

    /// <summary>The polygonal entry containing the point (boundary included), or null.</summary>
    public SpatialIndexEntry<TKey>? Locate(Coordinate point, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(point);
        return Locate(point.X, point.Y, asOf);
    }

    /// <summary>The polygonal entry containing the point (boundary included), or null.</summary>
    public SpatialIndexEntry<TKey>? Locate(Point point, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(point);
        return point.IsEmpty ? null : Locate(point.X, point.Y, asOf);
    }

    /// <summary>Every polygonal entry containing the point, earliest added first (overlapping layers).</summary>
    public IReadOnlyList<SpatialIndexEntry<TKey>> LocateAll(double lon, double lat, DateOnly? asOf = null)
    {
        var found = new List<int>();
        if (_root is not null && double.IsFinite(lon) && double.IsFinite(lat))
        {
            var best = -1;
            LocateIn(_root, new Coordinate(lon, lat), asOf, ref best, found);
        }

        found.Sort();
        return found.Select(i => _slots[i].Entry).ToArray();
    }

    /// <summary>Entries whose geometry intersects the box (exact test, not only bounding boxes), earliest added first.</summary>
    /// <param name="envelope">Box in longitude/latitude degrees.</param>
    /// <param name="asOf">Date the answer is for; null = current entries.</param>
    public IReadOnlyList<SpatialIndexEntry<TKey>> Query(Envelope envelope, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (envelope.IsNull)
        {
            return [];
        }

        var box = StorageCrs.Factory.ToGeometry(envelope);
        return Candidates(envelope, asOf)
            .Where(slot => slot.Prepared.Intersects(box))
            .Select(slot => slot.Entry)
            .ToArray();
    }

    /// <summary>Entries within <paramref name="metres"/> of the point, nearest first (ties: earliest added first).</summary>
    /// <param name="point">Query point, EPSG:4490 lon/lat.</param>
    /// <param name="metres">Radius in metres (≥ 0).</param>
    /// <param name="asOf">Date the answer is for; null = current entries.</param>
    public IReadOnlyList<SpatialIndexMatch<TKey>> WithinDistance(Point point, double metres, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (!double.IsFinite(metres) || metres < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(metres), metres, "distance must be a finite, non-negative number of metres");
        }

        var projection = MetricProjection.ForLongitude(point.X);
        var (x, y) = projection.Project(point.X, point.Y);
        var origin = StorageCrs.Factory.CreatePoint(new Coordinate(x, y));
        return Candidates(DegreeBox(point, metres), asOf)
            .Select(slot => (Slot: slot, Distance: slot.ProjectedInto(projection).Distance(origin)))
            .Where(m => m.Distance <= metres)
            .OrderBy(m => m.Distance).ThenBy(m => m.Slot.Ordinal)
            .Select(m => new SpatialIndexMatch<TKey>(m.Slot.Entry, m.Distance))
            .ToArray();
    }

    /// <summary>The <paramref name="k"/> entries nearest to the point by metric distance, nearest first.</summary>
    public IReadOnlyList<SpatialIndexMatch<TKey>> Nearest(Point point, int k, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        if (_root is null)
        {
            return [];
        }

        // Widen the radius until k entries fall inside it: every entry within r metres lies inside the degree box of r,
        // so the k nearest found within r are the true k nearest.
        for (var radius = 250.0; ; radius *= 4)
        {
            var box = DegreeBox(point, radius);
            var matches = WithinDistance(point, radius, asOf);
            if (matches.Count >= k || box.Contains(Bounds))
            {
                return matches.Count > k ? matches.Take(k).ToArray() : matches;
            }
        }
    }

    private void LocateIn(AbstractNode<Envelope, int> node, Coordinate p, DateOnly? asOf, ref int best,
        List<int>? all)
    {
        foreach (var child in node.ChildBoundables)
        {
            var bounds = child.Bounds;
            if (p.X < bounds.MinX || p.X > bounds.MaxX || p.Y < bounds.MinY || p.Y > bounds.MaxY)
            {
                continue;
            }

            if (child is AbstractNode<Envelope, int> inner)
            {
                LocateIn(inner, p, asOf, ref best, all);
                continue;
            }

            var slot = _slots[child.Item];
            if ((best >= 0 && all is null && slot.Ordinal > best) || slot.Locator is null || !slot.Entry.IsValidOn(asOf)
                || slot.Locator.Locate(p) == Location.Exterior)
            {
                continue;
            }

            all?.Add(slot.Ordinal);
            if (best < 0 || slot.Ordinal < best)
            {
                best = slot.Ordinal;
            }
        }
    }

    private IEnumerable<IndexSlot<TKey>> Candidates(Envelope envelope, DateOnly? asOf)
    {
        if (_root is null)
        {
            return [];
        }

        var found = new List<int>();
        Collect(_root, envelope, found);
        found.Sort();
        return found.Select(i => _slots[i]).Where(s => s.Entry.IsValidOn(asOf));
    }

    private static void Collect(AbstractNode<Envelope, int> node, Envelope envelope, List<int> found)
    {
        foreach (var child in node.ChildBoundables)
        {
            if (!child.Bounds.Intersects(envelope))
            {
                continue;
            }

            if (child is AbstractNode<Envelope, int> inner)
            {
                Collect(inner, envelope, found);
            }
            else
            {
                found.Add(child.Item);
            }
        }
    }

    // A lon/lat box certain to hold every point within `metres` of `point`: a degree of latitude is at least 110 574 m
    // and of longitude at least 111 319 m·cos φ on CGCS2000, and Gauss–Krüger grid distances are never shorter than
    // true ones, so rounder, smaller divisors keep the box generous.
    private static Envelope DegreeBox(Point point, double metres)
    {
        var dLat = metres / 110_000.0;
        var maxLat = Math.Abs(point.Y) + dLat;
        var dLon = maxLat >= 89 ? 360 : metres / (111_000.0 * Math.Cos(maxLat * Math.PI / 180));
        return new Envelope(point.X - dLon, point.X + dLon, point.Y - dLat, point.Y + dLat);
    }
}
