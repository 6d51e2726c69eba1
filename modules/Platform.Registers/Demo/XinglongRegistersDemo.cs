using Marten;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Commands;
using Platform.Registers.Compounds;
using Platform.Registers.Facilities;
using Platform.Registers.Geography;
using Platform.Registers.Planning;
using Platform.Registers.Sites;
using Platform.Spatial;

namespace Platform.Registers.Demo;

/// <summary>
/// The demo registers of Xinglong Street: the compounds the seed names with buildings and households,
/// facilities of every category (some deliberately missing in some communities, so there are gaps),
/// two service hubs, Xinglong Lake and the Luxi River, roads, the planning zones (一带六组团) and a dozen
/// project sites at different stages with their histories. Positions and figures are illustrative.
/// </summary>
public static class XinglongRegistersDemo
{
    private static readonly GeometryFactory F = StorageCrs.Factory;

    public static async Task SeedAsync(IGrainFactory grains, IDocumentStore store, CancellationToken ct = default)
    {
        await using (var query = store.QuerySession())
        {
            if (await query.Query<CompoundSummary>().AnyAsync(ct))
                return;
        }
        var context = CommandContext.System("演示数据（示意）：兴隆街道登记簿");
        await BaseGeographyAsync(grains, context);
        var zones = await ZonesAsync(grains, context);
        var compounds = await CompoundsAsync(grains, context);
        await FacilitiesAsync(grains, context);
        await HubsAsync(grains, context, compounds);
        await SitesAsync(grains, context, zones);
    }

    private static Polygon Box(double lon, double lat, double halfW, double halfH) =>
        F.CreatePolygon([new(lon - halfW, lat - halfH), new(lon + halfW, lat - halfH), new(lon + halfW, lat + halfH), new(lon - halfW, lat + halfH), new(lon - halfW, lat - halfH)]);

    private static Polygon Ellipse(double lon, double lat, double rx, double ry, int n = 48) =>
        F.CreatePolygon(Enumerable.Range(0, n + 1).Select(i => new Coordinate(lon + rx * Math.Cos(2 * Math.PI * i / n), lat + ry * Math.Sin(2 * Math.PI * i / n))).ToArray());

    private static LineString Line(params double[] xy) =>
        F.CreateLineString(Enumerable.Range(0, xy.Length / 2).Select(i => new Coordinate(xy[2 * i], xy[2 * i + 1])).ToArray());

    private static readonly Polygon Lake = Ellipse(104.07, 30.40, 0.008, 0.006);
    private static readonly LineString River = Line(104.030, 30.438, 104.045, 30.425, 104.058, 30.410, 104.064, 30.402, 104.076, 30.397, 104.088, 30.385, 104.100, 30.372, 104.110, 30.366);

    private static async Task Must(Task<CommandResult> command, string what)
    {
        var result = await command;
        if (result.Rejection is { } r)
            throw new InvalidOperationException($"Demo register data refused ({what}): {r.Field}: {r.Reason}");
    }

    private static async Task BaseGeographyAsync(IGrainFactory grains, CommandContext context)
    {
        async Task Record(string name, string kind, Geometry g, string? roadClass = null) =>
            await Must(grains.GetGrain<IBaseFeatureGrain>(Guid.NewGuid()).RecordAsync(new RecordBaseFeature(name, kind, WellKnownText.Write(g), roadClass), context), name);
        await Record("兴隆湖", "water", Lake);
        await Record("鹿溪河", "water", GeometryMeasurement.Buffer(River, 25).Difference(Lake));
        await Record("天府大道", "road", Line(104.045, 30.360, 104.045, 30.440));
        await Record("兴隆湖东路", "road", Line(104.092, 30.360, 104.092, 30.440));
        await Record("湖畔路", "road", Line(104.030, 30.378, 104.110, 30.378));
        await Record("北环路", "road", Line(104.030, 30.425, 104.110, 30.425));
        // A ring road is a closed LineString: NTS's ExteriorRing is a LinearRing, which is no GeoJSON type.
        await Record("环湖路", "road", F.CreateLineString(Ellipse(104.07, 30.40, 0.0095, 0.0075).ExteriorRing.Coordinates));
        // Local streets (支路) about every 250 m, the block size of GB 50180-2018 (居住街坊 150–250 m), stopping at the
        // lake's shore and bridging the river, so that walking distances in the service scene follow streets.
        var n = 0;
        for (var i = 0; i <= 30; i++)
        {
            var lon = 104.0325 + 0.0025 * i;
            if (Math.Abs(lon - 104.045) > 0.001 && Math.Abs(lon - 104.092) > 0.001)
                await Record($"兴隆纵{Numeral(++n)}路", "road", Line(lon, 30.362, lon, 30.438).Difference(Lake), "local");
        }
        n = 0;
        for (var i = 0; i <= 30; i++)
        {
            var lat = 30.3625 + 0.0025 * i;
            if (Math.Abs(lat - 30.378) > 0.001 && Math.Abs(lat - 30.425) > 0.001)
                await Record($"兴隆横{Numeral(++n)}街", "road", Line(104.032, lat, 104.108, lat).Difference(Lake), "local");
        }
    }

    /// <summary>1–99 in Chinese numerals, as streets are numbered (一, 十二, 二十三).</summary>
    private static string Numeral(int n)
    {
        const string digits = "零一二三四五六七八九";
        return n < 10 ? digits[n].ToString() : $"{(n >= 20 ? digits[n / 10].ToString() : "")}十{(n % 10 == 0 ? "" : digits[n % 10].ToString())}";
    }

    private static async Task<Dictionary<string, Guid>> ZonesAsync(IGrainFactory grains, CommandContext context)
    {
        var ids = new Dictionary<string, Guid>();
        async Task Zone(string name, string kind, string theme, Geometry g, string description)
        {
            var id = Guid.NewGuid();
            await Must(grains.GetGrain<IPlanningGrain>(id).DesignateZoneAsync(new DesignateZone(name, kind, theme, WellKnownText.Write(g), description), context), name);
            ids[name] = id;
        }
        var belt = GeometryMeasurement.Buffer(River.Union(Lake), 300);
        await Zone("滨水活力带", "belt", "滨水活力", belt, "沿鹿溪河、环兴隆湖的滨水活力带（一带）");
        // The plan's scenic-area target (示意: AAAA), recorded as any administrator would, through a revision of the zone.
        await Must(grains.GetGrain<IPlanningGrain>(ids["滨水活力带"]).ReviseAsync(new ReviseZone(null, null, null, null, ScenicGrade: 4), context), "滨水活力带");
        await Zone("烟火组团", "cluster", "烟火", GeometryAt(104.032, 30.362, 104.048, 30.395), "生活烟火气：社区商业、夜间经济");
        await Zone("人文组团", "cluster", "人文", GeometryAt(104.032, 30.400, 104.046, 30.438), "人文记忆：文化设施、乡愁场景");
        await Zone("菁英组团", "cluster", "菁英", GeometryAt(104.048, 30.410, 104.066, 30.438), "人才社区：人才公寓、交流空间");
        await Zone("智芯组团", "cluster", "智芯", GeometryAt(104.080, 30.408, 104.108, 30.438), "智慧产业：科创载体、配套服务");
        await Zone("时尚天府组团", "cluster", "时尚天府", GeometryAt(104.050, 30.362, 104.083, 30.383), "时尚消费：特色街区、文创");
        await Zone("研创组团", "cluster", "研创", GeometryAt(104.085, 30.362, 104.108, 30.395), "研发创新：中试基地、孵化空间");
        return ids;
    }

    private static Polygon GeometryAt(double w, double s, double e, double n) => Box((w + e) / 2, (s + n) / 2, (e - w) / 2, (n - s) / 2);

    private static async Task<Dictionary<string, Guid>> CompoundsAsync(IGrainFactory grains, CommandContext context)
    {
        (string Name, string Kind, double Lon, double Lat, int Buildings, int Floors, string? Company, int Year)[] compounds =
        [
            ("人才公寓", "talent", 104.055, 30.415, 6, 18, "天府人才安居物业", 2021),
            ("北鑫苑", "resettlement", 104.097, 30.385, 8, 11, "北鑫物业", 2016),
            ("华府锦城", "commercial", 104.038, 30.432, 6, 24, "锦城物业服务有限公司", 2018),
            ("诺德壹号", "commercial", 104.083, 30.386, 5, 26, "诺德物业", 2019),
            ("中交悦湖", "commercial", 104.084, 30.413, 7, 22, "中交物业", 2020),
            ("保水逸苑", "resettlement", 104.097, 30.412, 6, 11, "保水物业服务中心", 2017),
            ("鹿溪河畔", "resettlement", 104.058, 30.372, 8, 9, "鹿溪物业", 2016),
            ("鹿溪雅韵", "commercial", 104.077, 30.371, 5, 18, "雅韵物业", 2019),
            ("中铁卓越城", "commercial", 104.040, 30.388, 9, 30, "中铁建物业", 2020),
            ("田园诗驿", "village", 104.079, 30.431, 10, 3, null, 2015),
            ("廖皇新居", "resettlement", 104.040, 30.370, 7, 11, "廖皇社区物业", 2017),
            ("刘家坝聚居点", "village", 104.037, 30.410, 8, 3, null, 2015),
        ];
        var ids = compounds.ToDictionary(c => c.Name, _ => Guid.NewGuid());
        // Different grains: the compounds are registered side by side, each with its buildings in one transaction.
        await Task.WhenAll(compounds.Select(c =>
        {
            const double halfW = 0.0011, halfH = 0.0008;
            var outline = Box(c.Lon, c.Lat, halfW, halfH);
            var perFloor = c.Kind == "village" ? 1 : 4;
            var entrances = F.CreateMultiPointFromCoords([new(c.Lon, c.Lat - halfH), new(c.Lon + halfW, c.Lat)]);
            // Buildings in two rows inside the outline.
            var perRow = (c.Buildings + 1) / 2;
            var buildings = Enumerable.Range(0, c.Buildings).Select(b =>
            {
                var x = c.Lon - halfW + (b % perRow + 0.5) * (2 * halfW / perRow);
                var y = c.Lat + (b / perRow == 0 ? -0.4 : 0.4) * halfH;
                return new AddBuilding($"{b + 1}栋", c.Floors, c.Floors * perFloor, WellKnownText.Write(Box(x, y, Math.Min(0.00025, halfW / perRow * 0.7), 0.00012)));
            }).ToArray();
            return Must(grains.GetGrain<ICompoundGrain>(ids[c.Name]).RegisterAsync(new RegisterCompound(c.Name, c.Kind, WellKnownText.Write(outline), c.Buildings * c.Floors * perFloor, c.Company,
                WellKnownText.Write(entrances), new DateOnly(c.Year, 6, 1)) { Buildings = buildings }, context), c.Name);
        }));
        return ids;
    }

    private static async Task FacilitiesAsync(IGrainFactory grains, CommandContext context)
    {
        (string Name, string Category, double Lon, double Lat)[] facilities =
        [
            // 兴隆湖社区: around 人才公寓 (104.055, 30.415) on its streets, everything of the block, the 5- and the 10-minute
            // circles within their walking distances; the 15-minute facilities serve the whole street from further away.
            ("兴隆湖社区党群服务中心", "party_mass_center", 104.0565, 30.415), ("兴隆湖社区服务站", "service_station", 104.057, 30.415),
            ("兴隆湖幼儿园", "kindergarten", 104.055, 30.4165), ("兴隆湖社区卫生服务站", "health_station", 104.055, 30.4135),
            ("兴隆湖文化活动站", "culture_station", 104.0535, 30.415), ("湖畔健身广场", "outdoor_fitness", 104.055, 30.4175),
            ("兴隆湖日间照料中心", "elderly_day_care", 104.054, 30.415), ("兴隆湖社区食堂", "community_canteen", 104.0555, 30.415),
            ("兴隆湖托育园", "nursery", 104.055, 30.414), ("人才公寓物业服务中心", "property_service", 104.055, 30.4155),
            ("人才公寓儿童乐园", "children_playground", 104.0545, 30.415),
            ("兴隆湖小学", "primary_school", 104.055, 30.419), ("人才公寓农贸市场", "market", 104.059, 30.415),
            ("兴隆湖运动场", "medium_sports_ground", 104.0525, 30.416),
            ("天府兴隆湖中学", "middle_school", 104.086, 30.409), ("兴隆街道社区卫生服务中心", "health_center", 104.081, 30.389),
            ("兴隆文化活动中心", "culture_center", 104.060, 30.390), ("兴隆湖菜市场", "market", 104.080, 30.391),
            ("兴隆全民健身中心", "large_sports_ground", 104.084, 30.404), ("兴隆街道便民服务中心", "street_service_center", 104.079, 30.393),
            ("中交悦湖物业服务中心", "property_service", 104.0845, 30.4135),
            // 蓝家店社区
            ("蓝家店社区党群服务中心", "party_mass_center", 104.060, 30.374), ("蓝家店社区服务站", "service_station", 104.0605, 30.3745),
            ("蓝家店幼儿园", "kindergarten", 104.054, 30.368), ("蓝家店日间照料中心", "elderly_day_care", 104.061, 30.376),
            ("蓝家店小学", "primary_school", 104.046, 30.380), ("蓝家店社区食堂", "community_canteen", 104.059, 30.3735),
            ("廖皇养老院", "elderly_home", 104.042, 30.374), ("中铁卓越城物业服务中心", "property_service", 104.0405, 30.3885),
            // 三根松社区: no kindergarten, no health station
            ("三根松社区党群服务中心", "party_mass_center", 104.094, 30.381), ("三根松社区服务站", "service_station", 104.0945, 30.3815),
            ("三根松文化活动站", "culture_station", 104.095, 30.383), ("北鑫苑物业服务中心", "property_service", 104.0975, 30.3855),
            // 保水社区: no elderly day care, no health station
            ("保水社区党群服务中心", "party_mass_center", 104.100, 30.416), ("保水社区服务站", "service_station", 104.1005, 30.4165),
            ("保水幼儿园", "kindergarten", 104.099, 30.419), ("保水菜市场", "market", 104.098, 30.409),
            // 天明社区: no kindergarten
            ("天明社区党群服务中心", "party_mass_center", 104.042, 30.428), ("天明社区服务站", "service_station", 104.0425, 30.4285),
            ("天明社区卫生服务站", "health_station", 104.040, 30.434), ("天明健身广场", "outdoor_fitness", 104.044, 30.430),
            // villages
            ("刘家坝村党群服务中心", "party_mass_center", 104.036, 30.406), ("龙灯山村党群服务中心", "party_mass_center", 104.078, 30.428),
            // block-level and commercial
            ("人才公寓快递柜", "express_lockers", 104.0555, 30.4155), ("华府锦城儿童乐园", "children_playground", 104.0385, 30.4322),
            ("兴隆湖商业广场", "shopping_mall", 104.078, 30.408), ("湖畔超市", "supermarket", 104.056, 30.418),
            ("鹿溪餐厅", "restaurant", 104.076, 30.373), ("兴隆农商银行", "bank", 104.081, 30.394), ("惠民药房", "pharmacy", 104.059, 30.371),
            ("卓越城超市", "supermarket", 104.041, 30.390), ("保水小吃街", "restaurant", 104.099, 30.414),
        ];
        await Task.WhenAll(facilities.Select(f => Must(grains.GetGrain<IFacilityGrain>(Guid.NewGuid()).RegisterAsync(
            new RegisterFacility(f.Name, f.Category, WellKnownText.Write(F.CreatePoint(new Coordinate(f.Lon, f.Lat))), new DateOnly(2019, 1, 1), null), context), f.Name)));
    }

    private static async Task HubsAsync(IGrainFactory grains, CommandContext context, Dictionary<string, Guid> compounds)
    {
        await Must(grains.GetGrain<IServiceHubGrain>(Guid.NewGuid()).RegisterAsync(new RegisterServiceHub("北鑫苑综合体",
            WellKnownText.Write(F.CreatePoint(new Coordinate(104.0955, 30.3875))),
            [new("社区服务站", "service_station", 600), new("企业服务站", "enterprise_service", 300), new("共享办公", "coworking", 800), new("健身房", "gym", 500)],
            [compounds["北鑫苑"], compounds["鹿溪雅韵"], compounds["诺德壹号"]], new DateOnly(2022, 9, 1)), context), "北鑫苑综合体");
        await Must(grains.GetGrain<IServiceHubGrain>(Guid.NewGuid()).RegisterAsync(new RegisterServiceHub("人才公寓邻里中心",
            WellKnownText.Write(F.CreatePoint(new Coordinate(104.0535, 30.4165))),
            [new("文化活动站", "culture_station", 400), new("社区食堂", "community_canteen", 350), new("共享办公", "coworking", 600)],
            [compounds["人才公寓"], compounds["中交悦湖"]], new DateOnly(2023, 5, 1)), context), "人才公寓邻里中心");
    }

    private static async Task SitesAsync(IGrainFactory grains, CommandContext context, Dictionary<string, Guid> zones)
    {
        (string Name, string Category, double Lon, double Lat, double HalfW, double HalfH, decimal Budget, string Owner, string Zone, (string Status, DateOnly Date)[] Steps)[] sites =
        [
            ("兴隆湖滨水绿道提升", "ecology", 104.0805, 30.4005, 0.0012, 0.0004, 3200m, "兴隆街道办事处", "滨水活力带",
                [("proposed", new(2023, 3, 1)), ("approved", new(2023, 6, 15)), ("under_construction", new(2023, 9, 1)), ("completed", new(2024, 12, 20))]),
            ("蓝家菜园可食景观", "ecology", 104.064, 30.366, 0.0008, 0.0006, 180m, "蓝家店社区", "时尚天府组团",
                [("proposed", new(2025, 2, 10)), ("approved", new(2025, 4, 1)), ("under_construction", new(2025, 9, 1))]),
            ("北鑫苑综合体改造", "public_service", 104.0955, 30.3895, 0.0005, 0.0004, 860m, "兴隆街道办事处", "研创组团",
                [("proposed", new(2021, 3, 1)), ("approved", new(2021, 7, 1)), ("under_construction", new(2021, 10, 1)), ("completed", new(2022, 8, 30))]),
            ("三根松社区党群服务中心新建", "public_service", 104.0915, 30.3785, 0.0005, 0.0004, 1500m, "三根松社区", "研创组团",
                [("proposed", new(2024, 5, 1)), ("approved", new(2024, 11, 1)), ("under_construction", new(2025, 6, 1))]),
            ("保水社区老年人日间照料中心", "public_service", 104.1025, 30.4095, 0.0004, 0.0003, 420m, "保水社区", "智芯组团",
                [("proposed", new(2025, 8, 1)), ("approved", new(2026, 3, 1))]),
            ("天明社区幼儿园", "public_service", 104.0355, 30.4265, 0.0006, 0.0005, 2600m, "天府新区教育局（示例）", "人文组团",
                [("proposed", new(2026, 4, 1))]),
            ("智芯产业园配套公寓", "housing", 104.0995, 30.4285, 0.0012, 0.0008, 42000m, "天府智芯投资（示例）", "智芯组团",
                [("proposed", new(2023, 1, 1)), ("approved", new(2023, 8, 1)), ("under_construction", new(2024, 3, 1))]),
            ("菁英人才公寓二期", "housing", 104.0595, 30.4305, 0.0010, 0.0007, 38000m, "天府人才安居（示例）", "菁英组团",
                [("proposed", new(2024, 9, 1)), ("approved", new(2025, 5, 20))]),
            ("人文组团社区文化馆", "public_service", 104.0385, 30.4175, 0.0006, 0.0005, 5200m, "兴隆街道办事处", "人文组团",
                [("proposed", new(2026, 1, 15))]),
            ("研创中试基地", "industry", 104.1025, 30.3705, 0.0014, 0.0009, 65000m, "天府研创发展（示例）", "研创组团",
                [("proposed", new(2022, 6, 1)), ("approved", new(2022, 12, 1)), ("under_construction", new(2023, 5, 1))]),
            ("时尚天府特色街区", "commerce", 104.0705, 30.3665, 0.0012, 0.0005, 12000m, "天府文旅（示例）", "时尚天府组团",
                [("proposed", new(2023, 4, 1)), ("approved", new(2023, 10, 1)), ("cancelled", new(2025, 3, 31))]),
            ("鹿溪河生态修复（兴隆段）", "ecology", 104.0495, 30.4205, 0.0010, 0.0004, 7800m, "天府新区生态环境局（示例）", "滨水活力带",
                [("proposed", new(2021, 2, 1)), ("approved", new(2021, 5, 1)), ("under_construction", new(2021, 9, 1)), ("completed", new(2023, 6, 30))]),
            ("刘家坝村农民集中居住区", "housing", 104.0355, 30.4085, 0.0009, 0.0006, 9600m, "刘家坝村", "人文组团",
                [("proposed", new(2025, 10, 1)), ("approved", new(2026, 6, 1))]),
        ];
        await Task.WhenAll(sites.Select(async s =>
        {
            var grain = grains.GetGrain<ISiteGrain>(Guid.NewGuid());
            SiteStatuses.TryParse(s.Steps[0].Status, out var first);
            await Must(grain.RegisterAsync(new RegisterSite(s.Name, s.Category, WellKnownText.Write(Box(s.Lon, s.Lat, s.HalfW, s.HalfH)), first, s.Steps[0].Date,
                s.Budget, s.Owner, zones[s.Zone]), context), s.Name);
            foreach (var (status, date) in s.Steps.Skip(1))
            {
                SiteStatuses.TryParse(status, out var next);
                await Must(grain.ChangeStatusAsync(new ChangeSiteStatus(next, date), context with { Reason = $"演示数据：{s.Name}{next.NameZh()}" }), s.Name);
            }
        }));
    }
}
