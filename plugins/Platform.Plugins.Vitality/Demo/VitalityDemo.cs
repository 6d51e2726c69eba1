using Marten;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Jurisdiction;
using Platform.Plugins.Vitality.Activities;
using Platform.Plugins.Vitality.Groups;
using Platform.Plugins.Vitality.Time;
using Platform.Plugins.Vitality.Venues;

namespace Platform.Plugins.Vitality.Demo;

/// <summary>
/// The vitality scene of the demo: resident groups in the communities (one specialty group, 特色, each), at their incubation
/// stages; the shared spaces that can be booked (北鑫苑综合体's yoga and fitness rooms, a 架空层, a square, a hall); a year of
/// activities recorded after the fact; and activities of the series scheduled in booked venues, with sign-ups, a waiting
/// list and check-ins. Dates count back (and forward) from today, so the year's figures read as the source document's.
/// Loaded once: a later start finds the first demo group (and the first demo venue) and skips them.
/// </summary>
internal static class VitalityDemo
{
    private static readonly (string Name, string Specialty, string Description, string Space, double Lon, double Lat, int Members, bool Signature, int FoundedDaysAgo, string[] Tags, string Leader, int RegisteredDaysAgo, int MaturedDaysAgo)[] Groups =
    [
        ("湖畔合唱团", "arts", "人才公寓、中交悦湖居民自发组建的合唱团，每周排练。", "人才公寓邻里中心", 104.0535, 30.4165, 36, true, 700, ["合唱", "共唱音乐会"], "林晓（示意）", 500, 200),
        ("兴隆湖夜跑团", "sports", "环兴隆湖夜跑，兼做湖区巡河志愿。", "湖畔健身广场", 104.062, 30.410, 58, false, 500, ["跑步", "巡河"], "周航（示意）", 300, -1),
        ("蓝家菜园志愿队", "gardening", "协助菜园认领、种植指导与收成分享。", "蓝家店社区党群服务中心", 104.060, 30.374, 24, true, 400, ["园艺", "志愿"], "蓝秀英（示意）", 250, -1),
        ("北鑫苑坝坝舞队", "arts", "安置小区居民的坝坝舞队，参加街道文艺汇演。", "北鑫苑综合体", 104.0955, 30.3875, 42, true, 900, ["广场舞", "舞蹈艺术培训"], "陈桂芳（示意）", 700, 330),
        ("保水书香读书会", "reading", "每月一次共读，面向亲子家庭。", "保水社区党群服务中心", 104.100, 30.416, 18, true, 300, ["亲子共读"], "何静（示意）", 120, -1),
        ("天明太极队", "sports", "清晨在社区广场练习太极拳、八段锦。", "天明社区广场", 104.040, 30.430, 20, true, 200, ["太极", "传统文化"], "杨建国（示意）", -1, -1),
        ("人才公寓瑜伽社", "sports", "青年人才下班后的瑜伽兴趣小组。", "北鑫苑综合体 瑜伽室", 104.0548, 30.4152, 15, false, 150, ["瑜伽"], "苏雨（示意）", -1, -1),
        ("北鑫苑川剧坐唱班", "arts", "安置小区老人学唱川剧，传承传统文化。", "北鑫苑2栋架空层", 104.0968, 30.3848, 12, false, 90, ["川剧", "传统文化体验"], "王德明（示意）", -1, -1),
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

    private static readonly (string Name, string Kind, string? Hub, double Lon, double Lat, int Capacity, TimeOnly Opens, TimeOnly Closes, int MaxMinutes, bool Approval, string[] Equipment, string Description)[] Venues =
    [
        ("北鑫苑综合体 瑜伽室", "complex", "北鑫苑综合体", 104.0955, 30.3875, 20, new(9, 0), new(21, 0), 120, true, ["瑜伽垫20张", "音响", "镜墙"], "综合体二楼，木地板，需预约审批。"),
        ("北鑫苑综合体 健身房", "complex", "北鑫苑综合体", 104.0957, 30.3877, 30, new(7, 0), new(22, 0), 90, false, ["跑步机4台", "动感单车6台", "力量器械"], "综合体一楼，免费向居民开放。"),
        ("北鑫苑综合体 多功能厅", "complex", "北鑫苑综合体", 104.0953, 30.3873, 80, new(9, 0), new(21, 30), 180, true, ["投影仪", "音响", "折叠桌椅"], "可举办讲座、演出、培训。"),
        ("人才公寓3栋架空层", "ground_floor", null, 104.0552, 30.4148, 40, new(8, 0), new(21, 30), 180, false, ["乒乓球桌", "书架", "桌椅"], "架空层共享空间，雨天也可活动。"),
        ("湖畔健身广场", "square", null, 104.062, 30.410, 200, new(6, 0), new(22, 0), 240, false, ["灯光", "音响接口"], "兴隆湖畔开放广场。"),
        ("保水社区党群服务中心 活动室", "party_mass_center", "保水社区党群服务中心", 104.100, 30.416, 40, new(9, 0), new(18, 0), 180, false, ["图书角", "投影仪"], "亲子共读、培训使用。"),
    ];

    // Venue, group (-1: the community), series, title, days from today, start, minutes, capacity, sign-ups, check-ins (past only).
    private static readonly (int Venue, int Group, string Series, string Title, int Days, TimeOnly Start, int Minutes, int Capacity, int SignUps, int CheckIns)[] Scheduled =
    [
        (0, 6, "dance", "舞蹈艺术培训·瑜伽入门", -40, new(19, 0), 90, 20, 18, 16),
        (2, 3, "singing", "共唱音乐会·金秋专场", -30, new(14, 0), 120, 80, 60, 52),
        (4, 1, "universiade", "迎大运·环湖趣味跑", -21, new(9, 0), 120, 150, 96, 88),
        (3, -1, "civilization", "新时代文明实践·垃圾分类课堂", -12, new(10, 0), 90, 40, 30, 27),
        (5, 4, "family_reading", "亲子共读·冬日绘本", -5, new(10, 0), 90, 30, 24, 21),
        (2, 7, "traditional_culture", "传统文化体验·川剧变脸", 4, new(14, 30), 120, 60, 35, 0),
        (0, 6, "dance", "舞蹈艺术培训·瑜伽进阶", 6, new(19, 0), 90, 12, 14, 0),
        (4, -1, "fun_games", "趣味运动会·邻里接力", 10, new(9, 0), 180, 120, 40, 0),
    ];

    public static async Task SeedAsync(IGrainFactory grains, IDocumentStore store, IJurisdictionLocator locator, CancellationToken ct)
    {
        var first = Groups[0].Name;
        var firstVenue = Venues[0].Name;
        bool groupsThere, venuesThere;
        await using (var query = store.QuerySession())
        {
            groupsThere = await query.Query<GroupView>().AnyAsync(g => g.Name == first, ct);
            venuesThere = await query.Query<VenueView>().AnyAsync(v => v.Name == firstVenue, ct);
        }
        var system = CommandContext.System("演示数据（示意）：居民自组织、共享空间与社区活动");
        var today = DateOnly.FromDateTime(DateTime.Today);
        var groupIds = new List<Guid>();
        if (!groupsThere)
        {
            foreach (var g in Groups)
            {
                var id = Guid.NewGuid();
                var community = (await locator.CommunitiesOfAsync([(g.Lon, g.Lat)], today, ct))[0]?.Code ?? "-";
                await Must(grains.GetGrain<ICommunityGroupsGrain>(community).FoundAsync(id, new FoundGroup(g.Name, g.Specialty, g.Description, g.Space, g.Lon, g.Lat,
                    today.AddDays(-g.FoundedDaysAgo), g.Members, g.Signature, g.Tags, "兴隆街道社会组织孵化中心（示意）", g.Leader), system));
                if (g.RegisteredDaysAgo >= 0)
                    await Must(grains.GetGrain<IGroupGrain>(id).ReachStageAsync(GroupStages.Registered, today.AddDays(-g.RegisteredDaysAgo), system));
                if (g.MaturedDaysAgo >= 0)
                    await Must(grains.GetGrain<IGroupGrain>(id).ReachStageAsync(GroupStages.Mature, today.AddDays(-g.MaturedDaysAgo), system));
                groupIds.Add(id);
            }
            foreach (var a in Activities)
            {
                await Must(grains.GetGrain<IActivityGrain>(Guid.NewGuid()).RecordAsync(new RecordActivity(a.Title, a.Group < 0 ? null : groupIds[a.Group], a.Series,
                    a.SpaceKind, a.Space, a.Lon, a.Lat, today.AddDays(-a.DaysAgo), a.Participants), system));
            }
        }
        if (venuesThere || groupIds.Count == 0)
            return;

        var venueIds = new List<Guid>();
        foreach (var v in Venues)
        {
            var id = Guid.NewGuid();
            await Must(grains.GetGrain<IVenueGrain>(id).RegisterAsync(new RegisterVenue(v.Name, v.Kind, v.Hub, v.Lon, v.Lat, v.Capacity, v.Opens, v.Closes,
                v.MaxMinutes, v.Approval, v.Equipment, null, v.Description), system));
            venueIds.Add(id);
        }
        foreach (var s in Scheduled)
        {
            var v = Venues[s.Venue];
            var start = ShanghaiTime.At(today.AddDays(s.Days), s.Start);
            var booking = Guid.NewGuid();
            await Must(grains.GetGrain<IVenueGrain>(venueIds[s.Venue]).BookAsync(new BookVenue([new Occurrence(booking, start, start.AddMinutes(s.Minutes))], s.Title,
                s.Group < 0 ? null : groupIds[s.Group], null, "system", MayApprove: true), system));
            var activity = grains.GetGrain<IActivityGrain>(Guid.NewGuid());
            var series = ActivitySeries.Find(s.Series)!;
            await Must(activity.ScheduleAsync(new ScheduleActivity(s.Title, s.Group < 0 ? null : groupIds[s.Group], series.NameZh, venueIds[s.Venue], booking,
                v.Kind, v.Name, v.Lon, v.Lat, start, start.AddMinutes(s.Minutes), ShanghaiTime.DateOf(start), s.Capacity), system));
            // Demo residents are numbered accounts (示意), not people.
            await Must(activity.RecordAttendanceAsync(Enumerable.Range(1, s.SignUps).Select(i => $"demo-resident-{i:000}").ToList(),
                Enumerable.Range(1, s.CheckIns).Select(i => $"demo-resident-{i:000}").ToList(), system));
        }
        // A weekly series of bookings: the dance team's rehearsals in the fitness room, each week at the same time.
        var rehearsal = ShanghaiTime.At(today.AddDays(2), new TimeOnly(18, 30));
        await Must(grains.GetGrain<IVenueGrain>(venueIds[1]).BookAsync(new BookVenue(
            Enumerable.Range(0, 8).Select(w => new Occurrence(Guid.NewGuid(), rehearsal.AddDays(7 * w), rehearsal.AddDays(7 * w).AddMinutes(90))).ToList(),
            "北鑫苑坝坝舞队每周排练", groupIds[3], Guid.NewGuid(), "system", MayApprove: true), system));
    }

    private static async Task Must(Task<CommandResult> command)
    {
        if ((await command).Rejection is { } r)
            throw new InvalidOperationException($"Vitality demo data refused: {r.Field}: {r.Reason}");
    }
}
