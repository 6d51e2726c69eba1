using Platform.Abstractions.Maps;
using Platform.Maps.Layers;

namespace Platform.Maps.Ogc;

/// <summary>
/// The snapshots the OGC API reads: one <see cref="LayerSnapshot"/> per layer and date, built once per committed change
/// (<see cref="CommittedChangeCache{TKey, TValue}"/>), so a page request filters the index and writes only its page.
/// </summary>
internal sealed class OgcFeatureSource(LayerReader reader, ChangeNotifier changes)
{
    private readonly CommittedChangeCache<(string Layer, DateOnly? Date), LayerSnapshot> _snapshots = new(changes);

    public ILayerCatalog Catalog => reader.Catalog;

    /// <summary>The layer as of <paramref name="date"/> (today for temporal layers when null).</summary>
    public Task<LayerSnapshot> SnapshotAsync(IMapLayer layer, DateOnly? date, CancellationToken ct)
    {
        var day = layer.Descriptor.Temporal ? LayerReader.Effective(date) : date;
        // Not the request's token: the snapshot is shared by concurrent requests and kept for the next ones.
        return _snapshots.GetAsync((layer.Descriptor.Id, day),
            async key => new LayerSnapshot(await reader.ReadAsync(layer, null, key.Date, null, CancellationToken.None))).WaitAsync(ct);
    }

    /// <summary>The features in force at any of the parameter's snapshot dates, each once (the latest snapshot's version wins).</summary>
    public async Task<IReadOnlyList<LayerSnapshot>> SnapshotsAsync(IMapLayer layer, DatetimeParameter datetime, CancellationToken ct)
    {
        var result = new List<LayerSnapshot>();
        foreach (var date in datetime.Snapshots(layer.Descriptor.Temporal))
            result.Add(await SnapshotAsync(layer, date, ct));
        return result;
    }
}
