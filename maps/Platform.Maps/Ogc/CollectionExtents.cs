using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Maps;
using Platform.Maps.Layers;

namespace Platform.Maps.Ogc;

/// <summary>Each layer's extent as of today (EPSG:4490), recomputed after the store changes.</summary>
internal sealed class CollectionExtents(LayerReader reader, ChangeNotifier changes)
{
    private readonly ConcurrentDictionary<string, (long Version, Envelope? Extent)> _cache = new();

    public async Task<Envelope?> ExtentAsync(IMapLayer layer, CancellationToken ct)
    {
        var version = changes.Version;
        if (_cache.TryGetValue(layer.Descriptor.Id, out var hit) && hit.Version == version)
            return hit.Extent;
        var features = await reader.ReadAsync(layer, null, null, null, ct);
        Envelope? extent = null;
        foreach (var f in features)
        {
            extent ??= new Envelope();
            extent.ExpandToInclude(f.Geometry.EnvelopeInternal);
        }
        _cache[layer.Descriptor.Id] = (version, extent);
        return extent;
    }
}
