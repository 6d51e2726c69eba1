using Marten;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Maps;
using Platform.Campaigns.Households;
using Platform.Spatial;

namespace Platform.Campaigns.Campaigns;

/// <summary>
/// The coverage of the latest campaign (or of the one whose name the filter <c>campaign</c> gives) per compound and village group, as
/// points at the register's place, coloured by coverage band. Counts only: no household, no person.
/// </summary>
internal sealed class CampaignCoverageLayer(IDocumentStore store) : IMapLayer
{
    private static LayerField F(string name, string type, string zh, string en) => new(name, type, zh, en);

    public LayerDescriptor Descriptor { get; } = new("campaign-coverage", "入户排查覆盖率", "Door-to-door campaign coverage", "Point",
        [F("name", "string", "小区或村民小组", "Compound or group"), F("kind", "string", "类型", "Kind").Coded([new("compound", "小区", "Compound"), new("group", "村民小组", "Village group")]),
         F("campaign", "string", "排查任务", "Campaign"), F("targetHouseholds", "integer", "应排查户数", "Target households"), F("completed", "integer", "已走访户数", "Households visited"),
         F("coverage", "number", "覆盖率", "Coverage"), F("percent", "string", "覆盖率（%）", "Coverage (%)"),
         F("band", "string", "覆盖程度", "Band").Coded([new("full", "全覆盖", "Complete"), new("most", "过半", "More than half"), new("low", "不足一半", "Less than half")])],
        new LayerStyle("#2980b999", "#1f618d", 1, 8, "band",
            [new("full", "全覆盖", "Complete", "#27ae60"), new("most", "过半", "More than half", "#f39c12"), new("low", "不足一半", "Less than half", "#c0392b")], "name"),
        "campaigns", false, 230, VisibleByDefault: false);

    public async Task<IReadOnlyList<MapFeature>> QueryAsync(LayerQuery query, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var campaigns = await session.Query<Campaign>().ToListAsync(ct);
        var campaign = query.Filters.TryGetValue("campaign", out var wanted) ? campaigns.FirstOrDefault(c => c.Name == wanted)
            : campaigns.OrderByDescending(c => c.StartOn).FirstOrDefault();
        if (campaign is null)
            return [];
        var registers = (await session.LoadManyAsync<HouseholdRegister>(ct, [.. campaign.Targets.Select(t => t.RegisterId)])).ToDictionary(r => r.Id);
        var coverage = CampaignCoverage.Of(campaign, registers);
        var filters = query.Filters.Where(f => f.Key != "campaign").ToDictionary(f => f.Key, f => f.Value);
        return (query with { Filters = filters }).Apply(coverage.Targets.Select(t => new MapFeature(t.RegisterId.ToString(),
            StorageCrs.Factory.CreatePoint(new Coordinate(t.Location[0], t.Location[1])), new Dictionary<string, object?>
            {
                ["name"] = t.Name, ["kind"] = t.Kind, ["campaign"] = campaign.Name, ["targetHouseholds"] = t.TargetHouseholds, ["completed"] = t.Completed,
                ["coverage"] = t.Coverage, ["percent"] = t.Percent, ["band"] = t.Coverage >= 1 ? "full" : t.Coverage >= 0.5 ? "most" : "low",
            })));
    }
}
