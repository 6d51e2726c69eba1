using System.Globalization;
using Marten;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Maps;
using Platform.Plugins.Vitality.Activities;
using Platform.Plugins.Vitality.Groups;
using Platform.Spatial;

namespace Platform.Plugins.Vitality.Maps;

/// <summary>Activities held in shared spaces, as points coloured by the kind of space; as of a date, those held on or before it.</summary>
internal sealed class ActivityLayer(IDocumentStore store) : IMapLayer
{
    public LayerDescriptor Descriptor { get; } = new(
        "vitality-activities", "社区活动（活力场景）", "Community activities (vitality scene)", "Point",
        [
            new LayerField("title", "string", "活动名称", "Title"),
            new LayerField("group", "string", "组织团队", "Organising group"),
            new LayerField("series", "string", "系列活动", "Series"),
            new LayerField("spaceKind", "string", "场地类型", "Kind of space"),
            new LayerField("spaceKindZh", "string", "场地类型（中文）", "Kind of space (Chinese)"),
            new LayerField("spaceName", "string", "活动场地", "Space"),
            new LayerField("heldOn", "date", "活动日期", "Held on"),
            new LayerField("participants", "integer", "参与人次", "Participants (person-times)"),
        ],
        new LayerStyle("#00838f", "#ffffff", 1, 6, "spaceKind",
            SpaceKinds.All.Select(s => new LegendEntry(s.Code, s.NameZh, s.NameEn, s.Color)).ToList(), "title"),
        "vitality", Temporal: true, Order: 270);

    public async Task<IReadOnlyList<MapFeature>> QueryAsync(LayerQuery query, CancellationToken ct = default)
    {
        var date = query.AsOf ?? DateOnly.FromDateTime(DateTime.Today);
        await using var session = store.QuerySession();
        var groups = (await session.Query<GroupView>().ToListAsync(ct)).ToDictionary(g => g.Id, g => g.Name);
        var features = new List<MapFeature>();
        foreach (var a in await session.Query<ActivityView>().Where(a => a.HeldOn <= date).ToListAsync(ct))
        {
            if (query.Bbox is { } box && !box.Contains(a.Lon, a.Lat))
                continue;
            var properties = new Dictionary<string, object?>
            {
                ["title"] = a.Title,
                ["group"] = a.GroupId is { } g ? groups.GetValueOrDefault(g) : null,
                ["series"] = a.Series,
                ["spaceKind"] = a.SpaceKind,
                ["spaceKindZh"] = SpaceKinds.Find(a.SpaceKind)?.NameZh,
                ["spaceName"] = a.SpaceName,
                ["heldOn"] = a.HeldOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["participants"] = a.Participants,
            };
            if (query.Filters.All(f => properties.TryGetValue(f.Key, out var v) && string.Equals(Convert.ToString(v, CultureInfo.InvariantCulture), f.Value, StringComparison.Ordinal)))
                features.Add(new MapFeature(a.Id.ToString(), StorageCrs.Factory.CreatePoint(new Coordinate(a.Lon, a.Lat)), properties));
        }
        return features;
    }
}
