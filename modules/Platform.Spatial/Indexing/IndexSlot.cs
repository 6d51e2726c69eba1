using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Platform.Spatial;

/// <summary>What the index keeps per entry: the prepared structures, built once, read by any thread.</summary>
internal sealed class IndexSlot<TKey>
{
    private readonly Lazy<IPreparedGeometry> _prepared;
    private (int Epsg, Geometry Geometry)? _projected;

    public IndexSlot(SpatialIndexEntry<TKey> entry, int ordinal)
    {
        Entry = entry;
        Ordinal = ordinal;
        if (entry.Geometry is IPolygonal && !entry.Geometry.IsEmpty)
        {
            // The same locator prepared polygons use; one call builds its interval index now, before sharing.
            Locator = new IndexedPointInAreaLocator(entry.Geometry);
            Locator.Locate(entry.Geometry.EnvelopeInternal.Centre);
        }

        _prepared = new Lazy<IPreparedGeometry>(() => PreparedGeometryFactory.Prepare(entry.Geometry));
    }

    public SpatialIndexEntry<TKey> Entry { get; }

    public int Ordinal { get; }

    public IPointOnGeometryLocator? Locator { get; }

    public IPreparedGeometry Prepared => _prepared.Value;

    public Geometry ProjectedInto(MetricProjection projection)
    {
        if (_projected is { } cached && cached.Epsg == projection.Zone.Epsg)
        {
            return cached.Geometry;
        }

        var geometry = projection.Project(Entry.Geometry);
        _projected = (projection.Zone.Epsg, geometry);
        return geometry;
    }
}
