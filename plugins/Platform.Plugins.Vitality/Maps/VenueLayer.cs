using System.Globalization;
using Marten;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Maps;
using Platform.Plugins.Vitality.Activities;
using Platform.Plugins.Vitality.Time;
using Platform.Plugins.Vitality.Venues;
using Platform.Spatial;

namespace Platform.Plugins.Vitality.Maps;

/// <summary>Shared spaces (共享空间) as points coloured by kind, with how much of the day's opening hours is booked (the as-of date, Asia/Shanghai).</summary>
internal sealed class VenueLayer(IDocumentStore store) : IMapLayer
{
    public LayerDescriptor Descriptor { get; } = new(
        "vitality-venues", "共享空间预约（活力场景）", "Shared spaces and bookings (vitality scene)", "Point",
        [
            new LayerField("name", "string", "场地名称", "Venue"),
            new LayerField("hub", "string", "所属综合体", "Service hub"),
            new LayerField("kind", "string", "场地类型", "Kind of space"),
            new LayerField("kindZh", "string", "场地类型（中文）", "Kind of space (Chinese)"),
            new LayerField("capacity", "integer", "容纳人数", "Capacity"),
            new LayerField("opens", "string", "开放时间", "Opens"),
            new LayerField("closes", "string", "闭馆时间", "Closes"),
            new LayerField("bookings", "integer", "当日预约", "Bookings of the day"),
            new LayerField("occupancyPercent", "integer", "当日占用率（%）", "Occupancy of the day (%)"),
        ],
        new LayerStyle("#6a1b9a", "#ffffff", 1, 7, "kind",
            SpaceKinds.All.Select(s => new LegendEntry(s.Code, s.NameZh, s.NameEn, s.Color)).ToList(), "name"),
        "vitality", Temporal: true, Order: 271);

    public async Task<IReadOnlyList<MapFeature>> QueryAsync(LayerQuery query, CancellationToken ct = default)
    {
        var date = query.AsOf ?? ShanghaiTime.DateOf(DateTimeOffset.UtcNow);
        await using var session = store.QuerySession();
        var features = new List<MapFeature>();
        foreach (var v in await session.Query<VenueView>().ToListAsync(ct))
        {
            if (query.Bbox is { } box && !box.Contains(v.Lon, v.Lat))
                continue;
            var (bookings, share) = Occupancy.Of(v, date);
            var properties = new Dictionary<string, object?>
            {
                ["name"] = v.Name,
                ["hub"] = v.Hub,
                ["kind"] = v.Kind,
                ["kindZh"] = SpaceKinds.Find(v.Kind)?.NameZh,
                ["capacity"] = v.Capacity,
                ["opens"] = v.Opens.ToString("HH:mm", CultureInfo.InvariantCulture),
                ["closes"] = v.Closes.ToString("HH:mm", CultureInfo.InvariantCulture),
                ["bookings"] = bookings,
                ["occupancyPercent"] = (int)Math.Round(share * 100),
            };
            if (query.Filters.All(f => properties.TryGetValue(f.Key, out var x) && string.Equals(Convert.ToString(x, CultureInfo.InvariantCulture), f.Value, StringComparison.Ordinal)))
                features.Add(new MapFeature(v.Id.ToString(), StorageCrs.Factory.CreatePoint(new Coordinate(v.Lon, v.Lat)), properties));
        }
        return features;
    }
}
