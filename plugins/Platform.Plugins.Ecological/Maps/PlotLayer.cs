using Marten;
using Platform.Abstractions.Maps;
using Platform.Plugins.Ecological.Gardens;
using Platform.Spatial;

namespace Platform.Plugins.Ecological.Maps;

/// <summary>
/// The plots of every garden coloured by status (free, claimed, offered, reserved) in the season that contains the
/// query date, as it stood at the end of that day (China Standard Time) when the date lies in the past. No household or contact is ever among the attributes, whatever the query asks.
/// </summary>
internal sealed class PlotLayer(IDocumentStore store) : IMapLayer
{
    public LayerDescriptor Descriptor { get; } = new(
        "ecological-plots", "生态场景地块（菜园·绿地）", "Ecological scene plots (edible gardens, green plots)", "Polygon",
        [
            new LayerField("garden", "string", "园地", "Garden"),
            new LayerField("kind", "string", "类型", "Kind").Coded([new(GardenKinds.Edible, "菜园", "Edible garden"), new(GardenKinds.Green, "绿地", "Green plot")]),
            new LayerField("number", "string", "编号", "Number"),
            new LayerField("areaSquareMetres", "number", "面积（平方米）", "Area (m²)"),
            new LayerField("season", "string", "季", "Season"),
            new LayerField("status", "string", "状态", "Status"),
            new LayerField("statusZh", "string", "状态（中文）", "Status (Chinese)"),
        ],
        new LayerStyle("#8bc34a99", "#33691e", 0.8, 0, "status",
        [
            new LegendEntry(PlotStatus.Free, "空闲", "Free", "#c5e1a5"),
            new LegendEntry(PlotStatus.Claimed, "已认领", "Claimed", "#388e3c"),
            new LegendEntry(PlotStatus.Offered, "待确认（候补递补）", "Offered to the waiting list", "#ffb300"),
            new LegendEntry(PlotStatus.Reserved, "摇号保留", "Reserved for a lottery", "#7e57c2"),
        ], "number"),
        "ecological", Temporal: true, Order: 40);

    public async Task<IReadOnlyList<MapFeature>> QueryAsync(LayerQuery query, CancellationToken ct = default)
    {
        var date = query.AsOf ?? DateOnly.FromDateTime(DateTime.Today);
        await using var session = store.QuerySession();
        var gardens = (await session.Query<GardenView>().ToListAsync(ct)).ToDictionary(g => g.Id);
        var features = new List<MapFeature>();
        var past = query.AsOf is { } asOf && asOf < DateOnly.FromDateTime(DateTime.Today);
        // The end of the day in China Standard Time, handed to Npgsql as UTC: timestamptz parameters must have offset 0.
        var endOfDay = new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
        foreach (var current in await session.Query<PlotView>().ToListAsync(ct))
        {
            if (!gardens.TryGetValue(current.GardenId, out var garden) || garden.SeasonOn(date) is not { } term)
                continue;
            // The past from the plot's own events: claims, releases and offers as they stood then.
            var plot = past ? await session.Events.AggregateStreamAsync<PlotView>(current.Id, timestamp: endOfDay, token: ct) : current;
            if (plot is null)
                continue;
            var geometry = WellKnownText.Read(plot.BoundaryWkt);
            if (query.Bbox is { } box && !box.Intersects(geometry.EnvelopeInternal))
                continue;
            var status = plot.StatusIn(term.Season);
            var properties = new Dictionary<string, object?>
            {
                ["garden"] = garden.Name,
                ["kind"] = garden.Kind,
                ["number"] = plot.Number,
                ["areaSquareMetres"] = plot.AreaSquareMetres,
                ["season"] = term.Season,
                ["status"] = status,
                ["statusZh"] = PlotStatus.Zh(status),
            };
            if (query.Filters.All(f => properties.TryGetValue(f.Key, out var v) && string.Equals(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture), f.Value, StringComparison.Ordinal)))
                features.Add(new MapFeature(plot.Id.ToString(), geometry, properties));
        }
        return features;
    }
}
