using Marten;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Maps;
using Platform.Governance.Records;
using Platform.Spatial;

namespace Platform.Governance.Maps;

/// <summary>
/// The places inspected — compounds and the business points (shops, firms, building sites) of the reopening inspections — with
/// how many inspections they had and how many findings are still open.
/// </summary>
internal sealed class InspectionLayer(IDocumentStore store) : IMapLayer
{
    private static LayerField F(string name, string type, string zh, string en) => new(name, type, zh, en);

    public LayerDescriptor Descriptor { get; } = new("governance-inspections", "检查点位（小区、商铺、企业、工地）", "Inspected places (compounds, shops, firms, sites)", "Point",
        [F("name", "string", "名称", "Name"),
         F("kind", "string", "类型", "Kind").Coded([new("compound", "小区", "Compound"), new("shop", "商铺", "Shop"), new("firm", "企业", "Firm"), new("site", "在建工地", "Building site")]),
         F("inspections", "integer", "检查次数", "Inspections"), F("openFindings", "integer", "未整改问题", "Open findings"), F("lastInspected", "string", "最近检查", "Last inspected")],
        new LayerStyle("#16a08599", "#0e6655", 1, 6, "kind",
            [new("compound", "小区", "Compound", "#16a085"), new("shop", "商铺", "Shop", "#e67e22"), new("firm", "企业", "Firm", "#2980b9"), new("site", "在建工地", "Building site", "#7f8c8d")], "name"),
        "governance", false, 71, VisibleByDefault: false);

    public async Task<IReadOnlyList<MapFeature>> QueryAsync(LayerQuery query, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var inspections = await session.Query<Inspection>().ToListAsync(ct);
        return query.Apply(inspections.GroupBy(i => (i.TargetKind, i.TargetName)).Select(g =>
        {
            var last = g.MaxBy(i => i.HeldOn)!;
            return new MapFeature(last.Id.ToString(), StorageCrs.Factory.CreatePoint(new Coordinate(last.Lon, last.Lat)), new Dictionary<string, object?>
            {
                ["name"] = g.Key.TargetName, ["kind"] = g.Key.TargetKind, ["inspections"] = g.Count(),
                ["openFindings"] = g.Sum(i => i.Findings.Count(f => f.RectifiedOn is null)), ["lastInspected"] = last.HeldOn.ToString("yyyy-MM-dd"),
            });
        }));
    }
}
