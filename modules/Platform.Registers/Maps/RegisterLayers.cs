using Marten;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Maps;
using Platform.Abstractions.Registers;
using Platform.Registers.Compounds;
using Platform.Registers.Facilities;
using Platform.Registers.Geography;
using Platform.Registers.Planning;
using Platform.Registers.Sites;
using Platform.Spatial;

namespace Platform.Registers.Maps;

/// <summary>The registers' map layers: the seed's distribution maps are drawn from these.</summary>
internal static class RegisterLayers
{
    private static LayerField F(string name, string type, string zh, string en) => new(name, type, zh, en);

    public static void Register(IServiceCollection services)
    {
        // Water is drawn above the communities' fill (order 10), so the lake and the river show on the web map.
        Add(services, new LayerDescriptor("base-water", "水系", "Water", "Polygon",
            [F("name", "string", "名称", "Name")],
            new LayerStyle("#a9d3f5", "#5b9bd5", 1, 0, null, [new("water", "湖泊、河流", "Lakes and rivers", "#a9d3f5")], "name"), "base", false, 12),
            async (store, q, ct) => await BaseAsync(store, "water", q.Date));
        // Only main roads are labelled: a street grid's every name would cover the map.
        Add(services, new LayerDescriptor("base-roads", "道路", "Roads", "LineString",
            [F("name", "string", "名称", "Name"), F("class", "string", "等级", "Class"), F("label", "string", "标注", "Label")],
            new LayerStyle("#00000000", "#b0a58f", 2.5, 0, "class", [new("main", "主干路", "Main road", "#a8987a"), new("local", "支路", "Local street", "#ddd5c6")], "label"), "base", false, 100),
            async (store, q, ct) => await BaseAsync(store, "road", q.Date));
        Add(services, new LayerDescriptor("registers-zones", "规划组团（一带六组团）", "Planning zones (one belt, six clusters)", "Polygon",
            [F("name", "string", "名称", "Name"), F("kind", "string", "类型", "Kind"), F("theme", "string", "主题", "Theme"), F("description", "string", "说明", "Description")],
            new LayerStyle("#f1c40f33", "#d4ac0d", 1.5, 0, "kind",
                [new("belt", "滨水活力带", "Waterfront vitality belt", "#5dade255"), new("cluster", "主题组团", "Themed cluster", "#f5b04155")], "name"), "planning", false, 30, VisibleByDefault: false),
            async (store, q, ct) =>
            {
                await using var s = store.QuerySession();
                return (await s.Query<PlanningZoneSummary>().ToListAsync(ct)).Where(z => z.InForceOn(q.Date)).Select(z => Feature(z.Id, z.GeometryWkt, new()
                {
                    ["name"] = z.Name, ["kind"] = z.Kind, ["theme"] = z.Theme, ["description"] = z.Description,
                })).ToList();
            });
        Add(services, new LayerDescriptor("registers-compounds", "住宅小区", "Residential compounds", "Polygon",
            [F("name", "string", "名称", "Name"), F("kind", "string", "类型", "Kind"), F("kindZh", "string", "类型（中文）", "Kind (Chinese)"),
             F("households", "integer", "户数", "Households"), F("buildings", "integer", "楼栋数", "Buildings"), F("community", "string", "所在社区", "Community")],
            new LayerStyle("#e8a87c", "#b35c1e", 1, 0, "kind",
                [new("commercial", "商品房小区", "Commercial housing", "#e8a87c"), new("resettlement", "安置小区", "Resettlement compound", "#c38d9e"),
                 new("talent", "人才公寓", "Talent apartments", "#85cdca"), new("village", "农村聚居点", "Village settlement", "#d5e1a3")], "name"), "housing", true, 40),
            async (store, q, ct) =>
            {
                var reader = q.Reader;
                var infos = (await reader.CompoundsAsync(q.Date, ct)).ToDictionary(c => c.Id);
                await using var s = store.QuerySession();
                return (await s.Query<CompoundSummary>().ToListAsync(ct)).Where(c => infos.ContainsKey(c.Id)).Select(c => Feature(c.Id, c.GeometryWkt, new()
                {
                    ["name"] = c.Name, ["kind"] = c.Kind, ["kindZh"] = CompoundKinds.All[c.Kind].Zh, ["households"] = c.Households,
                    ["buildings"] = c.Buildings.Count, ["community"] = infos[c.Id].CommunityName,
                })).ToList();
            });
        Add(services, new LayerDescriptor("registers-buildings", "楼栋", "Buildings", "Polygon",
            [F("name", "string", "名称", "Name"), F("compound", "string", "所属小区", "Compound"), F("floors", "integer", "层数", "Floors"), F("households", "integer", "户数", "Households")],
            new LayerStyle("#bfa58a", "#7d6650", 0.6, 0, null, [new("building", "楼栋", "Building", "#bfa58a")], "name"), "housing", true, 45, VisibleByDefault: false),
            async (store, q, ct) =>
            {
                await using var s = store.QuerySession();
                return (await s.Query<CompoundSummary>().ToListAsync(ct)).Where(c => c.InForceOn(q.Date)).SelectMany(c => c.Buildings.Select(b => Feature(b.Id, b.FootprintWkt, new()
                {
                    ["name"] = b.Name, ["compound"] = c.Name, ["floors"] = b.Floors, ["households"] = b.Households,
                }))).ToList();
            });
        Add(services, FacilityLayer("registers-facilities", "公服配套设施", "Public-service facilities", FacilityCategories.Public, 210,
            [new("15", "15分钟生活圈设施", "15-minute circle", "#1f77b4"), new("10", "10分钟生活圈设施", "10-minute circle", "#2ca02c"),
             new("5", "5分钟生活圈设施", "5-minute circle", "#ff7f0e"), new("0", "居住街坊设施", "Residential block", "#9467bd"),
             new("-1", "其他公共服务", "Other public services", "#7f7f7f")]),
            (store, q, ct) => FacilitiesAsync(q, FacilityCategories.Public, ct));
        Add(services, FacilityLayer("registers-commercial", "商业设施", "Commercial facilities", FacilityCategories.Commercial, 220,
            [new("-1", "商业设施", "Commercial", "#d62728")]),
            (store, q, ct) => FacilitiesAsync(q, FacilityCategories.Commercial, ct));
        Add(services, new LayerDescriptor("registers-hubs", "社区综合体", "Community service hubs", "Point",
            [F("name", "string", "名称", "Name"), F("spaces", "string", "功能空间", "Function spaces"), F("servedCompounds", "integer", "服务小区数", "Compounds served")],
            new LayerStyle("#8e44ad", "#ffffff", 1.5, 9, null, [new("hub", "综合体", "Service hub", "#8e44ad")], "name"), "facilities", false, 230),
            async (store, q, ct) =>
            {
                await using var s = store.QuerySession();
                return (await s.Query<ServiceHubSummary>().ToListAsync(ct)).Where(h => h.InForceOn(q.Date)).Select(h => Feature(h.Id, h.GeometryWkt, new()
                {
                    ["name"] = h.Name, ["spaces"] = string.Join("、", h.Spaces.Select(x => x.Name)), ["servedCompounds"] = h.ServedCompoundIds.Count,
                })).ToList();
            });
        Add(services, new LayerDescriptor("registers-sites", "项目建设点位", "Project sites", "Polygon",
            [F("name", "string", "名称", "Name"), F("status", "string", "状态", "Status"), F("statusZh", "string", "状态（中文）", "Status (Chinese)"),
             F("category", "string", "类别", "Category").Coded(SiteCategories.All), F("budgetWan", "number", "投资（万元）", "Budget (10k CNY)"), F("owner", "string", "业主单位", "Owner"),
             F("zone", "string", "规划组团", "Zone"), F("community", "string", "所在社区", "Community"), F("areaSquareMetres", "number", "面积（平方米）", "Area (m²)")],
            new LayerStyle("#e74c3c", "#922b21", 1.5, 6, "status",
                [new("proposed", "拟建", "Proposed", "#f7dc6f"), new("approved", "已批复", "Approved", "#f0b27a"),
                 new("under_construction", "在建", "Under construction", "#e74c3c"), new("completed", "已建成", "Completed", "#58d68d"),
                 new("cancelled", "已取消", "Cancelled", "#aab7b8")], "name"), "planning", true, 60),
            async (store, q, ct) =>
            {
                var infos = (await q.Reader.SitesAsync(q.Date, ct)).ToDictionary(x => x.Id);
                await using var s = store.QuerySession();
                return (await s.Query<SiteSummary>().ToListAsync(ct)).Where(x => infos.ContainsKey(x.Id)).Select(x =>
                {
                    var info = infos[x.Id];
                    return Feature(x.Id, x.GeometryWkt, new()
                    {
                        ["name"] = x.Name, ["status"] = info.Status, ["statusZh"] = x.StatusOn(q.Date)!.Value.NameZh(), ["category"] = x.Category,
                        ["budgetWan"] = x.BudgetWan, ["owner"] = x.Owner, ["zone"] = info.Zone, ["community"] = info.CommunityName, ["areaSquareMetres"] = info.AreaSquareMetres,
                    });
                }).ToList();
            });
    }

    private static LayerDescriptor FacilityLayer(string id, string zh, string en, string kind, int order, LegendEntry[] legend) =>
        new(id, zh, en, "Point",
            [new("name", "string", "名称", "Name"), new LayerField("category", "string", "类别", "Category").Coded(FacilityCategories.All.Select(c => new FieldValue(c.Code, c.NameZh, c.NameEn))), new("categoryZh", "string", "类别（中文）", "Category (Chinese)"),
             new("circle", "string", "生活圈层级", "Life-circle level"), new("community", "string", "所在社区", "Community")],
            new LayerStyle(kind == FacilityCategories.Public ? "#1f77b4" : "#d62728", "#ffffff", 1, 6, "circle", legend, "name"), "facilities", true, order);

    private static async Task<IReadOnlyList<MapFeature>> FacilitiesAsync(Query q, string kind, CancellationToken ct) =>
        (await q.Reader.FacilitiesAsync(q.Date, ct)).Where(f => f.Kind == kind).Select(f =>
        {
            var category = FacilityCategories.Find(f.Category)!;
            return new MapFeature(f.Id.ToString(), StorageCrs.Factory.CreatePoint(new Coordinate(f.Lon, f.Lat)), new Dictionary<string, object?>
            {
                ["name"] = f.Name, ["category"] = f.Category, ["categoryZh"] = category.NameZh,
                ["circle"] = category.CircleLevel.ToString(System.Globalization.CultureInfo.InvariantCulture), ["community"] = f.CommunityName,
            });
        }).ToList();

    private static async Task<IReadOnlyList<MapFeature>> BaseAsync(IDocumentStore store, string kind, DateOnly date)
    {
        await using var s = store.QuerySession();
        return (await s.Query<BaseFeatureSummary>().Where(b => b.Kind == kind).ToListAsync()).Where(b => b.InForceOn(date))
            .Select(b => Feature(b.Id, b.GeometryWkt, kind == "road"
                ? new() { ["name"] = b.Name, ["class"] = b.Class ?? "main", ["label"] = b.Class == "local" ? null : b.Name }
                : new() { ["name"] = b.Name }))
            .ToList();
    }

    private static MapFeature Feature(Guid id, string wkt, Dictionary<string, object?> properties) =>
        new(id.ToString(), WellKnownText.Read(wkt), properties);

    internal sealed record Query(DateOnly Date, IRegisterReader Reader);

    private static void Add(IServiceCollection services, LayerDescriptor descriptor, Func<IDocumentStore, Query, CancellationToken, Task<IReadOnlyList<MapFeature>>> load) =>
        services.AddSingleton<IMapLayer>(sp => new RegisterLayer(descriptor, sp.GetRequiredService<IDocumentStore>(), sp.GetRequiredService<IRegisterReader>(),
            load, new CommittedChangeCache<DateOnly, FeatureIndex>(sp.GetRequiredService<ChangeNotifier>())));

    /// <summary>
    /// A register as a layer: its features on a date are loaded once per committed change and indexed, so every tile
    /// and page of the layer reads the index instead of the whole register.
    /// </summary>
    private sealed class RegisterLayer(LayerDescriptor descriptor, IDocumentStore store, IRegisterReader reader,
        Func<IDocumentStore, Query, CancellationToken, Task<IReadOnlyList<MapFeature>>> load, CommittedChangeCache<DateOnly, FeatureIndex> loaded) : IMapLayer
    {
        public LayerDescriptor Descriptor { get; } = descriptor;

        public async Task<IReadOnlyList<MapFeature>> QueryAsync(LayerQuery query, CancellationToken ct = default)
        {
            // Shared by concurrent callers, so not tied to one request's cancellation.
            var index = await loaded.GetAsync(query.AsOf ?? DateOnly.FromDateTime(DateTime.Today),
                async date => new FeatureIndex(await load(store, new Query(date, reader), CancellationToken.None)));
            return index.Query(query);
        }
    }
}
