using Marten;
using Platform.Abstractions.Commands;
using Platform.Campaigns.Forms;
using Platform.Campaigns.Work;

namespace Platform.Campaigns.Demo;

/// <summary>
/// The 2026 working records of the Xinglong demo behind sections (一) 四, (二) 一 and 五 and (三) 一: the report forms sent to the
/// new area's and the city's epidemic command (each period submitted), three staff seconded to the quarantine hotel, the two
/// leading groups and the year's exchanges. Skipped when any form is already defined.
/// </summary>
public static class XinglongWorkDemo
{
    internal const string Hotel = "新区希尔顿欢朋酒店隔离点位";

    public static async Task SeedAsync(IGrainFactory grains, IDocumentStore store, CancellationToken ct)
    {
        await using (var session = store.QuerySession())
            if (await session.Query<ReportForm>().AnyAsync(ct))
                return;
        var context = CommandContext.System("兴隆街道演示数据：报表、抽调、领导小组与交流");
        var start = new DateOnly(2026, 1, 30);
        var end = new DateOnly(2026, 3, 31);
        (string Name, string Office, int Every, FormField[] Fields)[] forms =
        [
            ("隔离点位人员日报表", "新区防疫指挥部", 1, [new("在隔离人数", "integer"), new("新增入住", "integer"), new("解除隔离", "integer")]),
            ("隔离人员健康监测日报表", "新区防疫指挥部", 1, [new("测温人次", "integer"), new("异常人数", "integer")]),
            ("隔离点位物资消耗日报表", "新区防疫指挥部", 1, [new("口罩（个）", "integer"), new("消毒液（升）", "number")]),
            ("隔离周期人员汇总表", "市防疫指挥部", 14, [new("本周期隔离人数", "integer"), new("解除隔离人数", "integer")]),
            ("隔离周期工作情况表", "市防疫指挥部", 14, [new("工作情况", "text")]),
        ];
        var n = 0;
        foreach (var (name, office, every, fields) in forms)
        {
            var form = grains.GetGrain<IReportFormGrain>(Guid.NewGuid());
            await Must(form.DefineAsync(new DefineReportForm(name, office, fields, every, start, end, new TimeOnly(17, 0), "worker"), context), name);
            for (var period = start; period <= end; period = period.AddDays(every))
            {
                var at = new DateTimeOffset(period.AddDays(every - 1).ToDateTime(new TimeOnly(16, 0)), TimeSpan.FromHours(8));
                var values = fields.ToDictionary(f => f.Name, f => f.Type == "text" ? "隔离点位运转正常，人员情况稳定。" : ((n++ * 7 % 40) + 3).ToString(System.Globalization.CultureInfo.InvariantCulture));
                await Must(form.SubmitAsync(new SubmitReportForm(period, values, at), context), $"{name} {period}");
            }
        }

        foreach (var (staff, from, to) in new[] { ("刘晓", new DateOnly(2026, 1, 30), new DateOnly(2026, 10, 31)), ("陈静", new DateOnly(2026, 1, 30), new DateOnly(2026, 6, 30)), ("王磊", new DateOnly(2026, 3, 1), new DateOnly(2026, 10, 31)) })
            await Must(grains.GetGrain<ISecondmentGrain>(Guid.NewGuid()).SecondAsync(new SecondStaff(staff, "社区发展办", Hotel, "协助开展隔离人员疫情防控和服务工作", from, to), context), staff);

        await Must(grains.GetGrain<ILeadingGroupGrain>(Guid.NewGuid()).EstablishAsync(new EstablishLeadingGroup("推进鹿溪智谷公园城市示范引领性工程建设领导小组", "park_city",
            new GroupComposition(new DateOnly(2026, 3, 10), new GroupMember("", "党工委书记"), [], [new GroupMember("", "办事处主任")], [new GroupMember("", "社区发展办负责人"), new GroupMember("", "规划建设办负责人")],
                "社区发展办", [])), context), "公园城市领导小组");
        string[] remits = ["统筹协调改革各项工作", "村(社区)建制调整方案与实施", "干部配备与组织建设", "集体资产、资源、资金及相关政策", "公共服务设施与事项衔接", "宣传与舆情引导", "信访接待与矛盾化解", "改革全过程纪律监督"];
        string[] names = ["综合协调组", "建制调整组", "组织人事组", "“三资”政策组", "公共服务组", "舆情引导组", "信访维稳组", "纪律监督组"];
        await Must(grains.GetGrain<ILeadingGroupGrain>(Guid.NewGuid()).EstablishAsync(new EstablishLeadingGroup("村(社区)体制机制改革领导小组", "restructuring",
            new GroupComposition(new DateOnly(2026, 2, 20), new GroupMember("", "党工委书记"), [new GroupMember("", "办事处主任")], [new GroupMember("", "其他领导班子成员")], [],
                "社区发展办", [.. names.Select((x, i) => new WorkingGroup(x, remits[i]))])), context), "改革领导小组");

        await Must(grains.GetGrain<IExchangeGrain>(Guid.NewGuid()).RecordAsync(new RecordExchange("membership", "加入新区国际化社区联合会", new DateOnly(2026, 4, 8),
            ["新区国际化社区联合会"], 0, 0, 0, [], null), context), "联合会");
        await Must(grains.GetGrain<IExchangeGrain>(Guid.NewGuid()).RecordAsync(new RecordExchange("agreement", "产业社区宣传推介与合作交流协议", new DateOnly(2026, 5, 16),
            ["澳大利亚昆士兰川渝协会"], 0, 0, 0, [new Agreement("澳大利亚昆士兰川渝协会", "产业社区宣传推介与合作交流协议", new DateOnly(2026, 5, 16))], null), context), "协议");
        await Must(grains.GetGrain<IExchangeGrain>(Guid.NewGuid()).RecordAsync(new RecordExchange("event", "“公园城市先行示范区·党建引领社区治理”主题沙龙", new DateOnly(2026, 6, 18),
            ["三根松社区"], 23, 14, 36, [], "为公园城市社区建言献策"), context), "沙龙");
        await Must(grains.GetGrain<IExchangeGrain>(Guid.NewGuid()).RecordAsync(new RecordExchange("event", "致敬公园城市建设者慰问活动", new DateOnly(2026, 7, 22),
            ["天明社区"], 0, 2, 120, [], "送上消暑用品、义诊义剪服务、歌舞文化表演"), context), "慰问");
    }

    private static async Task Must(Task<CommandResult> call, string what)
    {
        var result = await call;
        if (result.Rejection is { } r)
            throw new InvalidOperationException($"Demo work records ({what}): {r.Reason}");
    }
}
