using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Platform.Spatial;

/// <summary>What the index keeps per entry: the prepared structures, built once, read by any thread.</summary>
internal sealed class IndexSlot<TKey>
{
    private readonly Lazy<IPreparedGeometry> _prepared;
    private Projected? _projected;

    public IndexSlot(SpatialIndexEntry<TKey> entry, int ordinal)
    {
        Entry = entry;
        Ordinal = ordinal;
        if (entry.Geometry is IPolygonal && !entry.Geometry.IsEmpty)
        {
            Locator = new SlabPointLocator(entry.Geometry);
        }

        _prepared = new Lazy<IPreparedGeometry>(() => PreparedGeometryFactory.Prepare(entry.Geometry));
    }

    public SpatialIndexEntry<TKey> Entry { get; }

    public int Ordinal { get; }

    public SlabPointLocator? Locator { get; }

    public IPreparedGeometry Prepared => _prepared.Value;

    public Geometry ProjectedInto(MetricProjection projection)
    {
        // One reference, written whole: a racing reader sees the old pair or the new pair, never a mix.
        if (Volatile.Read(ref _projected) is { } cached && cached.Epsg == projection.Zone.Epsg)
        {
            return cached.Geometry;
        }

        var geometry = projection.Project(Entry.Geometry);
        Volatile.Write(ref _projected, new Projected(projection.Zone.Epsg, geometry));
        return geometry;
    }

    private sealed record Projected(int Epsg, Geometry Geometry);
}
