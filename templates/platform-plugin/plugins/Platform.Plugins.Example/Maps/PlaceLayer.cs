using System.Globalization;
using Marten;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Maps;
using Platform.Plugins.Example.Places;
using Platform.Spatial;

namespace Platform.Plugins.Example.Maps;

/// <summary>The recorded places as points. Listed by <c>/api/layers</c> and drawn by every map surface while the plugin runs.</summary>
public sealed class PlaceLayer(IDocumentStore store) : IMapLayer
{
    public const string Id = "example-id-places";

    public LayerDescriptor Descriptor { get; } = new(
        Id, "示例场景地点", "Example scene places", "Point",
        [new LayerField("name", "string", "名称", "Name")],
        new LayerStyle("#1565c0", "#ffffff", 1, 5, null, [new LegendEntry("", "地点", "Place", "#1565c0")], "name"),
        "example-id", Temporal: false, Order: 290);

    public async Task<IReadOnlyList<MapFeature>> QueryAsync(LayerQuery query, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return (await session.Query<PlaceView>().ToListAsync(ct))
            .Where(p => query.Bbox is not { } box || box.Contains(p.Lon, p.Lat))
            .Select(p => new MapFeature(p.Id.ToString(), StorageCrs.Factory.CreatePoint(new Coordinate(p.Lon, p.Lat)),
                new Dictionary<string, object?> { ["name"] = p.Name }))
            .Where(f => query.Filters.All(kv => f.Properties.TryGetValue(kv.Key, out var v) && string.Equals(Convert.ToString(v, CultureInfo.InvariantCulture), kv.Value, StringComparison.Ordinal)))
            .ToList();
    }
}
