using Marten;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Registers;
using Platform.Governance.Complaints;
using Platform.Governance.Records;

namespace Platform.Governance.Demo;

/// <summary>
/// The 2026 demo of compound governance in Xinglong Street, shaped like the source work summary's section (五): complaints in five
/// compounds all answered, monthly random inspections of four compounds with every finding rectified on time, property training,
/// filings, and the reopening inspections of shops, firms and sites in 兴隆湖社区. Skipped when its categories are already there.
/// </summary>
public static class XinglongGovernanceDemo
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static async Task SeedAsync(IGrainFactory grains, IDocumentStore store, IRegisterReader registers, CancellationToken ct)
    {
        await using (var session = store.QuerySession())
            if (await session.Query<ComplaintCategory>().AnyAsync(ct))
                return;
        var context = CommandContext.System("演示数据");
        await CategoriesAsync(grains, context);
        await ResponseTemplatesAsync(grains, context);
        var compounds = (await registers.CompoundsAsync(new DateOnly(2026, 1, 1), ct)).ToDictionary(c => c.Name);
        await ComplaintsAsync(grains, compounds, context, ct);
        await InspectionsAsync(grains, compounds, context, ct);
        await TrainingAndFilingsAsync(grains, compounds, context, ct);
    }

    internal static IReadOnlyList<DefineComplaintCategory> Categories { get; } =
    [
        new("noise_commercial_use", "住改商噪音扰民", "Noise from homes used as shops", "住宅改作经营场所产生的噪音扰民", "community", null, 4, 72,
            [new("time_of_day", "噪音时段", "When", "singlevaluelist", true, [new("day", "白天"), new("night", "夜间（22时后）")]), new("building", "楼栋", "Building", "string", false, null)]),
        new("cooking_fumes", "商业街油烟污染", "Cooking fumes from the shopping street", "商业街餐饮油烟直排、污染", "department", "街道综合行政执法中队", 8, 120,
            [new("shop_name", "涉及商户", "Shop", "string", true, null)]),
        new("leaking", "房屋漏水", "Leaking home", "屋顶、外墙或管道漏水", "property", null, 4, 72,
            [new("floor", "楼层", "Floor", "number", true, null), new("part", "漏水部位", "Where it leaks", "singlevaluelist", true, [new("roof", "屋顶"), new("wall", "外墙"), new("pipe", "管道")])]),
        new("property_service", "物业服务", "Property services", "物业服务态度、收费、维修不及时等", "property", null, 8, 120, []),
        new("sanitation", "环境卫生", "Sanitation", "垃圾清运、公共区域卫生", "property", null, 8, 72, []),
        new("parking", "停车秩序", "Parking", "乱停乱放、占用消防通道", "community", null, 8, 120, []),
    ];

    private static async Task CategoriesAsync(IGrainFactory grains, CommandContext context)
    {
        foreach (var c in Categories)
            Must(await grains.GetGrain<IComplaintCategoryGrain>(ComplaintCategory.StreamId(c.Code)).DefineAsync(c, context), c.Code);
    }

    /// <summary>The reply texts workers pick from (stream ids fixed, so a second seeding writes the same templates).</summary>
    internal static IReadOnlyList<(Guid Id, SaveResponseTemplate Template)> ResponseTemplates { get; } =
    [
        (new Guid("6d1f4a52-0f6e-4c1a-9b0e-0a1c2b3d4e01"), new("已受理", "您好，您反映的问题已受理，我们将按时限安排处置并及时回复。", [], ComplaintStatus.Accepted)),
        (new Guid("6d1f4a52-0f6e-4c1a-9b0e-0a1c2b3d4e02"), new("噪音：已约谈商户", "经社区工作人员现场核实，已约谈涉事商户，责令其22时后停止经营性噪音，社区将持续跟踪回访。", ["noise_commercial_use"], ComplaintStatus.Responded)),
        (new Guid("6d1f4a52-0f6e-4c1a-9b0e-0a1c2b3d4e03"), new("油烟：已移交执法中队", "已会同街道综合行政执法中队现场检查，督促商户加装并清洗油烟净化设施，整改情况将于复查后告知。", ["cooking_fumes"], ComplaintStatus.Responded)),
        (new Guid("6d1f4a52-0f6e-4c1a-9b0e-0a1c2b3d4e04"), new("漏水：物业已维修", "已通知小区物业上门查看，漏水部位已完成维修，请您确认维修效果。", ["leaking"], ComplaintStatus.Responded)),
    ];

    private static async Task ResponseTemplatesAsync(IGrainFactory grains, CommandContext context)
    {
        var known = Categories.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, template) in ResponseTemplates)
            Must(await grains.GetGrain<IResponseTemplateGrain>(id).SaveAsync(template, known, context), template.Title);
    }

    private static async Task ComplaintsAsync(IGrainFactory grains, Dictionary<string, CompoundInfo> compounds, CommandContext context, CancellationToken ct)
    {
        // 126 complaints in five compounds, January to late November, every one answered; the last four await the reporter's confirmation.
        (string Compound, int Count)[] plan = [("保水逸苑", 40), ("鹿溪河畔", 34), ("鹿溪雅韵", 22), ("中铁卓越城", 18), ("诺德壹号", 12)];
        string[] kinds = ["noise_commercial_use", "cooking_fumes", "leaking", "noise_commercial_use", "leaking", "property_service", "sanitation", "parking", "cooking_fumes", "leaking"];
        var jobs = new List<(int N, CompoundInfo Compound, string Category)>();
        var n = 0;
        foreach (var (name, count) in plan)
            for (var i = 0; i < count; i++)
                jobs.Add((n++, compounds[name], kinds[(i * 7 + name.Length) % kinds.Length]));
        var total = jobs.Count;
        await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = 6, CancellationToken = ct }, async (job, _) =>
        {
            var (k, compound, category) = job;
            var day = 4 + k * 326 / total;
            var filed = new DateTimeOffset(2026, 1, 1, 9 + k % 9, (k * 13) % 60, 0, China).AddDays(day);
            var lon = compound.Lon + ((k * 37) % 15 - 7) * 0.0001;
            var lat = compound.Lat + ((k * 53) % 9 - 4) * 0.0001;
            var answers = category switch
            {
                "noise_commercial_use" => new Dictionary<string, string> { ["time_of_day"] = k % 3 == 0 ? "day" : "night", ["building"] = $"{1 + k % 6}栋" },
                "cooking_fumes" => new Dictionary<string, string> { ["shop_name"] = new[] { "川味小厨", "老码头火锅", "好再来烧烤" }[k % 3] },
                "leaking" => new Dictionary<string, string> { ["floor"] = (1 + k % 11).ToString(), ["part"] = new[] { "roof", "wall", "pipe" }[k % 3] },
                _ => new Dictionary<string, string>(),
            };
            var text = category switch
            {
                "noise_commercial_use" => "楼下住宅改作棋牌室，经营到深夜，噪音扰民。",
                "cooking_fumes" => "商业街餐馆油烟直排，熏到楼上住户。",
                "leaking" => "卫生间顶部渗水，墙面发霉。",
                "property_service" => "电梯故障报修三天未处理。",
                "sanitation" => "单元门口垃圾桶满溢，无人清运。",
                _ => "小区内车辆乱停，堵住消防通道。",
            };
            var grain = grains.GetGrain<IComplaintGrain>(Guid.NewGuid());
            Must(await grain.FileAsync(new FileComplaint(category, text, lon, lat, $"{compound.Name}{1 + k % 6}栋", answers,
                $"居民{(char)('甲' + k % 10)}", $"028-8560{k:0000}", null, "phone", null, null) { FiledAt = filed }, context), $"complaint {k}");
            var accepted = filed.AddHours(1 + k % 3);
            var responded = accepted.AddHours(6 + (k * 11) % 60);
            Must(await grain.ChangeStatusAsync(new ChangeComplaintStatus(ComplaintStatus.Accepted, "已受理，转相关单位处置。", false) { At = accepted }, context), $"complaint {k}");
            Must(await grain.ChangeStatusAsync(new ChangeComplaintStatus(ComplaintStatus.InProgress, "现场核实中。", false) { At = accepted.AddHours(2) }, context), $"complaint {k}");
            Must(await grain.ChangeStatusAsync(new ChangeComplaintStatus(ComplaintStatus.Responded, "已现场处置并电话回复投诉人。", false) { At = responded }, context), $"complaint {k}");
            if (k < total - 4)
                Must(await grain.ChangeStatusAsync(new ChangeComplaintStatus(ComplaintStatus.Closed, "投诉人确认满意。", false) { At = responded.AddDays(1) }, context), $"complaint {k}");
        });
    }

    private static async Task InspectionsAsync(IGrainFactory grains, Dictionary<string, CompoundInfo> compounds, CommandContext context, CancellationToken ct)
    {
        // Routine: 田园诗驿、保水逸苑、鹿溪河畔、鹿溪雅韵 once a month each (48), by the four checklists in turn; 36 findings, all rectified in time.
        string[] inspected = ["田园诗驿", "保水逸苑", "鹿溪河畔", "鹿溪雅韵"];
        string[] routine = ["safety", "special_equipment", "cctv", "sanitation"];
        var jobs = new List<(int K, int Month, CompoundInfo Compound, string Template)>();
        var k = 0;
        for (var month = 1; month <= 12; month++)
            for (var c = 0; c < inspected.Length; c++)
                jobs.Add((k++, month, compounds[inspected[c]], routine[(month + c) % routine.Length]));
        await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = 6, CancellationToken = ct }, async (job, _) =>
        {
            var template = ChecklistTemplates.Find(job.Template)!;
            var held = new DateOnly(2026, job.Month, 1 + job.K % 20);
            if (held > new DateOnly(2026, 11, 28))
                held = new DateOnly(2026, 11, 10 + job.K % 8);
            var failing = job.K % 4 == 3 ? -1 : job.K % template.Items.Count;
            var items = template.Items.Select((item, i) => new ChecklistResult(item, i != failing, i == failing ? "需整改" : null)).ToArray();
            var findings = failing < 0 ? [] : new[] { new FindingRecord(Guid.NewGuid(), template.Items[failing], $"{template.Items[failing]}不符合要求", held.AddDays(7)) };
            var id = Guid.NewGuid();
            var grain = grains.GetGrain<IInspectionGrain>(id);
            Must(await grain.HoldAsync(new HoldInspection(template.Code, "compound", job.Compound.Name, job.Compound.Id, job.Compound.Lon, job.Compound.Lat, held, true, items, findings), context), $"inspection {job.K}");
            foreach (var f in findings)
            {
                Must(await grain.RectifyAsync(f.Id, held.AddDays(2 + job.K % 5), "物业已整改，附整改照片。", context), $"inspection {job.K}");
                Must(await grain.VerifyAsync(f.Id, held.AddDays(8), context), $"inspection {job.K}");
            }
        });

        // Reopening (复工复产) in February and March, with the market supervision office: shops, firms and building sites of 兴隆湖社区.
        var centre = compounds["人才公寓"];
        (string Name, string Kind)[] businesses =
        [
            ("兴隆湖便利店", "shop"), ("湖畔咖啡", "shop"), ("鹿溪面馆", "shop"), ("天府药房", "shop"), ("智谷生鲜超市", "shop"), ("悦湖理发店", "shop"),
            ("启明星辰信息技术", "firm"), ("鹿溪智谷科创中心", "firm"), ("兴隆湖数字产业园", "firm"), ("天府新能源研究院", "firm"), ("智芯电子", "firm"),
            ("人才公寓二期工地", "site"), ("湖畔公园配套工地", "site"), ("智谷道路改造工地", "site"), ("科创中心二期工地", "site"),
        ];
        var reopening = ChecklistTemplates.Find("business")!;
        for (var i = 0; i < businesses.Length; i++)
        {
            var held = new DateOnly(2026, 2, 17).AddDays(i * 2);
            var failing = i % 5 == 2 ? i % reopening.Items.Count : -1;
            var items = reopening.Items.Select((item, j) => new ChecklistResult(item, j != failing, null)).ToArray();
            var findings = failing < 0 ? [] : new[] { new FindingRecord(Guid.NewGuid(), reopening.Items[failing], $"{reopening.Items[failing]}落实不到位", held.AddDays(3)) };
            var grain = grains.GetGrain<IInspectionGrain>(Guid.NewGuid());
            var lon = centre.Lon + (i % 5 - 2) * 0.0009;
            var lat = centre.Lat + (i / 5 - 1) * 0.0009;
            Must(await grain.HoldAsync(new HoldInspection("business", businesses[i].Kind, businesses[i].Name, null, lon, lat, held, false, items, findings), context), businesses[i].Name);
            foreach (var f in findings)
            {
                Must(await grain.RectifyAsync(f.Id, held.AddDays(1), "已整改到位。", context), businesses[i].Name);
                Must(await grain.VerifyAsync(f.Id, held.AddDays(3), context), businesses[i].Name);
            }
        }
    }

    private static async Task TrainingAndFilingsAsync(IGrainFactory grains, Dictionary<string, CompoundInfo> compounds, CommandContext context, CancellationToken ct)
    {
        string[] covered = ["田园诗驿", "保水逸苑", "鹿溪河畔"];
        (string Topic, int Month, int Attendees)[] sessions =
            [("服务礼仪", 3, 52), ("管理标准", 4, 48), ("工作规范", 6, 55), ("秩序维护", 7, 61), ("环境卫生", 9, 50), ("服务礼仪", 11, 47)];
        foreach (var s in sessions)
            Must(await grains.GetGrain<ITrainingGrain>(Guid.NewGuid()).HoldAsync(new HoldTraining(s.Topic, new DateOnly(2026, s.Month, 15), covered, s.Attendees, "街道安置小区物业顾问"), context), s.Topic);

        (string Kind, string Compound, int Count)[] filings =
        [
            ("rental", "保水逸苑", 22), ("rental", "鹿溪河畔", 17), ("rental", "北鑫苑", 9),
            ("property_contract", "保水逸苑", 4), ("property_contract", "鹿溪河畔", 4), ("property_contract", "廖皇新居", 4),
            ("handover", "鹿溪雅韵", 2), ("handover", "廖皇新居", 1), ("facility_delivery", "鹿溪雅韵", 2),
        ];
        var jobs = filings.SelectMany(f => Enumerable.Range(0, f.Count).Select(i => (f.Kind, Compound: compounds[f.Compound], I: i))).ToList();
        await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = 6, CancellationToken = ct }, async (job, _) =>
        {
            var on = new DateOnly(2026, 1 + job.I % 11, 3 + job.I % 25);
            var parties = job.Kind == "rental" ? $"出租人与承租人（{job.Compound.Name}）" : $"{job.Compound.PropertyCompany ?? "物业服务企业"}与建设单位";
            Must(await grains.GetGrain<IFilingGrain>(Guid.NewGuid()).RecordAsync(new RecordFiling(job.Kind, job.Compound.Id, job.Compound.Name, job.Compound.Lon, job.Compound.Lat,
                on, parties, ["备案申请表", "合同文本"]), context), job.Kind);
        });
    }

    private static void Must(CommandResult result, string what)
    {
        if (result.Rejection is { } r)
            throw new InvalidOperationException($"Governance demo: {what} refused: {r.Field}: {r.Reason}");
    }
}
