using Marten;
using Platform.Abstractions.Commands;
using Platform.Plugins.Vitality.Activities;
using Platform.Plugins.Vitality.Groups;

namespace Platform.Plugins.Vitality.Demo;

/// <summary>
/// The vitality scene of the demo: five resident groups in four communities and a year of activities in the
/// neighbourhood centres, ground-floor spaces (架空层) and squares near the demo compounds. Dates count back from
/// today, so every activity lies in the past whenever the demo is loaded. Loaded once: a later start finds the first
/// demo group and skips it.
/// </summary>
internal static class VitalityDemo
{
    private static readonly (string Name, string Specialty, string Description, string Space, double Lon, double Lat, int Members, bool Signature, int FoundedDaysAgo)[] Groups =
    [
        ("湖畔合唱团", "arts", "人才公寓、中交悦湖居民自发组建的合唱团，每周排练。", "人才公寓邻里中心", 104.0535, 30.4165, 36, true, 700),
        ("兴隆湖夜跑团", "sports", "环兴隆湖夜跑，兼做湖区巡河志愿。", "湖畔健身广场", 104.062, 30.410, 58, false, 500),
        ("蓝家菜园志愿队", "gardening", "协助菜园认领、种植指导与收成分享。", "蓝家店社区党群服务中心", 104.060, 30.374, 24, true, 400),
        ("北鑫苑坝坝舞队", "arts", "安置小区居民的坝坝舞队，参加街道文艺汇演。", "北鑫苑综合体", 104.0955, 30.3875, 42, true, 900),
        ("保水书香读书会", "reading", "每月一次共读，面向亲子家庭。", "保水社区党群服务中心", 104.100, 30.416, 18, true, 300),
    ];

    private static readonly (string Title, int Group, string? Series, string SpaceKind, string Space, double Lon, double Lat, int DaysAgo, int Participants)[] Activities =
    [
        ("邻里音乐会", 0, "邻里文化节", "complex", "人才公寓邻里中心", 104.0535, 30.4165, 20, 120),
        ("架空层合唱快闪", 0, "邻里文化节", "ground_floor", "人才公寓3栋架空层", 104.0552, 30.4148, 48, 60),
        ("中交悦湖架空层亲子手工", -1, null, "ground_floor", "中交悦湖5栋架空层", 104.0842, 30.4128, 35, 45),
        ("环湖夜跑", 1, null, "square", "湖畔健身广场", 104.062, 30.410, 10, 80),
        ("环湖夜跑·秋季赛", 1, null, "square", "湖畔健身广场", 104.062, 30.410, 95, 150),
        ("菜园春播日", 2, "蓝家菜园四季", "park", "蓝家菜园", 104.0585, 30.3702, 60, 70),
        ("菜园收成分享会", 2, "蓝家菜园四季", "party_mass_center", "蓝家店社区党群服务中心", 104.060, 30.374, 15, 55),
        ("坝坝舞展演", 3, "邻里文化节", "complex", "北鑫苑综合体", 104.0955, 30.3875, 25, 200),
        ("北鑫苑架空层纳凉晚会", 3, null, "ground_floor", "北鑫苑2栋架空层", 104.0968, 30.3848, 120, 90),
        ("亲子共读", 4, null, "party_mass_center", "保水社区党群服务中心", 104.100, 30.416, 30, 32),
    ];

    public static async Task SeedAsync(IGrainFactory grains, IDocumentStore store, CancellationToken ct)
    {
        var first = Groups[0].Name;
        await using (var query = store.QuerySession())
        {
            if (await query.Query<GroupView>().AnyAsync(g => g.Name == first, ct))
                return;
        }
        var system = CommandContext.System("演示数据（示意）：居民自组织与社区活动");
        var today = DateOnly.FromDateTime(DateTime.Today);
        var ids = new List<Guid>();
        foreach (var g in Groups)
        {
            var id = Guid.NewGuid();
            await Must(grains.GetGrain<IGroupGrain>(id).FoundAsync(new FoundGroup(g.Name, g.Specialty, g.Description, g.Space, g.Lon, g.Lat,
                today.AddDays(-g.FoundedDaysAgo), g.Members, g.Signature), system));
            ids.Add(id);
        }
        foreach (var a in Activities)
        {
            await Must(grains.GetGrain<IActivityGrain>(Guid.NewGuid()).RecordAsync(new RecordActivity(a.Title, a.Group < 0 ? null : ids[a.Group], a.Series,
                a.SpaceKind, a.Space, a.Lon, a.Lat, today.AddDays(-a.DaysAgo), a.Participants), system));
        }
    }

    private static async Task Must(Task<CommandResult> command)
    {
        if ((await command).Rejection is { } r)
            throw new InvalidOperationException($"Vitality demo data refused: {r.Field}: {r.Reason}");
    }
}
