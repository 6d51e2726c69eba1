using System.Security.Cryptography;
using System.Text;
using Marten;
using Platform.Abstractions.Commands;
using Platform.Linkage.Demonstration;
using Platform.Linkage.Pools;
using Platform.Linkage.Projects;
using Platform.Linkage.Situation;
using Platform.Linkage.Supervision;
using Platform.Linkage.Titles;
using Platform.Linkage.Trainings;

namespace Platform.Linkage.Demo;

/// <summary>
/// The 2026 three-society linkage of Xinglong Street, so that section (四) of the annual summary reads like the office's
/// own: reports, the centre in 保水社区, the pools, trainings, the guarantee-fund launch conference, incentive applications,
/// the supervision team and its checks, demonstration sites and the 双示范 applications. Skipped when any fund project exists.
/// </summary>
public static class XinglongLinkageDemo
{
    private const int Year = 2026;

    private static readonly string[] Categories =
        ["党组织服务群众", "居民素质提升", "社区志愿服务", "社区总体营造", "生活场景营造", "国际化社区建设", "党建引领双示范建设", "和谐邻里", "“爱成都·迎大运”活动营造"];

    public static async Task SeedAsync(IGrainFactory grains, IDocumentStore store, CancellationToken ct = default)
    {
        await using (var session = store.QuerySession())
            if (await session.Query<FundProject>().AnyAsync(ct))
                return;
        var context = CommandContext.System("演示数据：三社联动");

        for (var i = 0; i < Categories.Length; i++)
            await Must(grains.GetGrain<IProjectCategoryGrain>(ProjectCategoryGrain.IdOf(Categories[i])).AddAsync(Categories[i], i + 1, context), "category");

        await Must(grains.GetGrain<ISituationReportGrain>(Guid.NewGuid()).IssueAsync(new IssueSituationReport(SituationReport.Overall, "兴隆街道社区情况总体报告", null, D(3, 20)), context), "report");
        foreach (var (code, name) in new[] { ("XL-XLH", "兴隆湖社区"), ("XL-LJD", "蓝家店社区"), ("XL-SGS", "三根松社区"), ("XL-BS", "保水社区"), ("XL-TM", "天明社区"), ("XL-LJB", "刘家坝村"), ("XL-LDS", "龙灯山村") })
            await Must(grains.GetGrain<ISituationReportGrain>(Guid.NewGuid()).IssueAsync(new IssueSituationReport(SituationReport.Community, $"{name}社区情况分报告", code, D(3, 20)), context), "report");

        var organisations = new List<Guid>();
        foreach (var (name, status, fields, community, contact) in new[]
                 {
                     ("成都市天府新区益邻社会工作服务中心", "registered", new[] { "社区营造", "老年服务" }, "XL-BS", new ContactPerson("周敏", "028-8000-0101", "主任")),
                     ("天府新区乐活青年志愿服务社", "registered", new[] { "志愿服务", "青少年服务" }, "XL-XLH", new ContactPerson("李航", "028-8000-0102", "负责人")),
                     ("兴隆湖邻里互助会", "incubating", new[] { "邻里互助", "社区文化" }, "XL-XLH", new ContactPerson("王芳", "028-8000-0103", "召集人")),
                     ("鹿溪河畔文化艺术团", "incubating", new[] { "社区文化", "文体活动" }, "XL-LJD", new ContactPerson("陈静", "028-8000-0104", "团长")),
                 })
        {
            var id = Guid.NewGuid();
            organisations.Add(id);
            await Must(grains.GetGrain<ISocialOrganisationGrain>(id).RegisterAsync(new RegisterOrganisation(name, status, fields, community, [contact]), context), "organisation");
        }

        var workers = new List<Guid>();
        foreach (var (name, level, skills, org) in new[]
                 {
                     ("赵倩", "intermediate", new[] { "社区营造", "项目督导" }, 0), ("孙磊", "assistant", new[] { "老年服务" }, 0),
                     ("刘洋", "senior", new[] { "项目评估", "督导" }, 0), ("黄丽", "assistant", new[] { "青少年服务", "志愿者管理" }, 1),
                     ("吴婷", "intermediate", new[] { "个案工作", "社区矫正" }, 1), ("郑凯", "assistant", new[] { "社区文化" }, 3),
                 })
        {
            var id = Guid.NewGuid();
            workers.Add(id);
            await Must(grains.GetGrain<ISocialWorkerGrain>(id).RegisterAsync(new RegisterSocialWorker(name, level, skills, organisations[org], true, null), context), "social worker");
        }

        var centre = Guid.NewGuid();
        await Must(grains.GetGrain<IGuidanceCentreGrain>(centre).EstablishAsync(new EstablishCentre("兴隆街道“三社联动”指导中心", "XL-BS", D(4, 8), [workers[0], workers[2], workers[4]]), context), "centre");
        foreach (var (name, community, org) in new[] { ("保水逸苑“邻里食堂”", "XL-BS", 0), ("兴隆湖青年夜校", "XL-XLH", 1), ("鹿溪河畔“运动活力”共享空间", "XL-LJD", 3) })
            await Must(grains.GetGrain<IGuidanceCentreGrain>(centre).IncubateAsync(new IncubateProject(Guid.NewGuid(), name, community, organisations[org], Year), context), "incubation");

        await Must(grains.GetGrain<IFundTrainingGrain>(Guid.NewGuid()).RecordAsync(new RecordTraining("社区保障资金项目申报与使用业务培训",
            [new TrainingSession(D(3, 26), 118), new TrainingSession(D(4, 16), 96)], 131, ["XL-XLH", "XL-LJD", "XL-SGS", "XL-BS", "XL-TM", "XL-LJB", "XL-LDS"]), context), "training");
        await Must(grains.GetGrain<IFundTrainingGrain>(Guid.NewGuid()).RecordAsync(new RecordTraining("社区激励资金项目申报与财务规范培训",
            [new TrainingSession(D(6, 11), 112)], 112, ["XL-XLH", "XL-LJD", "XL-SGS", "XL-BS", "XL-TM"]), context), "training");

        var team = Guid.NewGuid();
        await Must(grains.GetGrain<ISupervisionTeamGrain>(team).FormAsync(new FormTeam(Year, "2026年社区保障(激励)资金项目督导小组",
            [new("何伟", "street_office"), new("杨帆", "street_office"), new("赵倩", "centre"), new("刘洋", "centre"), new("马丽华", "finance"), new("吴婷", "social_worker"), new("黄丽", "social_worker")], D(5, 6)), context), "team");

        var guarantee = new List<Guid>();
        foreach (var (title, category, amount, community, stages) in new[]
                 {
                     ("兴隆湖社区“红色邻里”党员服务站", "党组织服务群众", 18.6m, "XL-XLH", 6), ("兴隆湖社区新市民融入课堂", "居民素质提升", 12.4m, "XL-XLH", 6),
                     ("蓝家店社区志愿服务积分超市", "社区志愿服务", 15.2m, "XL-LJD", 6), ("蓝家店社区院落微更新", "社区总体营造", 22.8m, "XL-LJD", 5),
                     ("三根松社区“两新”党员先锋行动", "党组织服务群众", 16.5m, "XL-SGS", 6), ("三根松社区居民议事能力提升", "居民素质提升", 10.3m, "XL-SGS", 4),
                     ("保水社区老年人助餐志愿服务", "社区志愿服务", 19.7m, "XL-BS", 6), ("保水逸苑楼道文化营造", "社区总体营造", 14.9m, "XL-BS", 6),
                     ("天明社区家门口的议事厅", "党组织服务群众", 13.6m, "XL-TM", 5), ("天明社区邻里节", "社区总体营造", 11.2m, "XL-TM", 3),
                     ("刘家坝村廖皇新居院落自治", "社区总体营造", 17.45m, "XL-LJB", 6), ("龙灯山村乡风文明积分", "居民素质提升", 9.85m, "XL-LDS", 4),
                 })
        {
            var id = Guid.NewGuid();
            guarantee.Add(id);
            await Must(grains.GetGrain<IFundProjectGrain>(id).RegisterAsync(new RegisterFundProject(title, Year, FundTypes.Guarantee, category, amount, community, null), context), title);
            await AdvanceAsync(grains, store, id, stages, context);
            await Must(grains.GetGrain<IFundProjectGrain>(id).RecordSupervisionCheckAsync(Guid.NewGuid(),
                new RecordSupervisionCheck("needs", D(6, 18), team, true, "需求征集表完整，居民参与面较广。", "指导细化需求分类。", false, false), context), "check");
        }
        await Must(grains.GetGrain<ILaunchConferenceGrain>(Guid.NewGuid()).HoldAsync(
            new HoldLaunchConference("2026年城乡社区发展治理专项保障资金项目发布会", Year, D(4, 22), [.. guarantee]), context), "conference");

        foreach (var (title, category, amount, community, partner, approved, started) in new[]
                 {
                     ("兴隆湖国际化社区“湖畔客厅”", "国际化社区建设", 30m, "XL-XLH", 1, 25m, true), ("鹿溪智谷生活场景“夜兴隆”", "生活场景营造", 28m, "XL-XLH", 2, 0m, false),
                     ("三根松党建引领双示范建设", "党建引领双示范建设", 26m, "XL-SGS", 0, 20m, true), ("三根松和谐邻里关系品牌营造", "和谐邻里", 18m, "XL-SGS", 2, 0m, false),
                     ("保水“爱成都·迎大运”社区运动会", "“爱成都·迎大运”活动营造", 15m, "XL-BS", 0, 12.5m, false), ("蓝家店鹿溪河畔共享创意空间", "生活场景营造", 24m, "XL-LJD", 3, 0m, false),
                     ("天明社区和谐邻里节", "和谐邻里", 12m, "XL-TM", 2, 0m, false),
                 })
        {
            var id = Guid.NewGuid();
            var grain = grains.GetGrain<IFundProjectGrain>(id);
            await Must(grain.RegisterAsync(new RegisterFundProject(title, Year, FundTypes.Incentive, category, amount, community, organisations[partner]), context), title);
            await Must(grain.ApplyForIncentiveAsync(new ApplyForIncentive(D(7, 10), amount), context), "application");
            await Must(grain.DecideIncentiveAsync(new DecideIncentive(D(8, 28), approved > 0, approved), context), "decision");
            if (started)
                await AdvanceAsync(grains, store, id, 6, context);
        }

        foreach (var (name, lon, lat, guide, trained, materials) in new[]
                 {
                     ("启明星辰特色两新党支部", 104.0455, 30.3905, "林悦", true, new[] { "党建展板", "项目推介册" }),
                     ("鹿溪河畔架空层文化空间", 104.0700, 30.3785, "郑凯", true, new[] { "宣传展板", "活动影像" }),
                     ("保水逸苑架空层文化空间", 104.0915, 30.4100, "周敏", true, new[] { "宣传展板" }),
                     ("廖皇新居", 104.0600, 30.4248, "王芳", false, new[] { "院落自治推介材料" }),
                     ("兴隆湖社区“湖畔客厅”", 104.0925, 30.3850, "李航", true, new[] { "国际化社区展板" }),
                     ("三根松社区党群服务中心", 104.0800, 30.3782, "赵倩", true, new[] { "双示范建设展板", "项目推介册" }),
                 })
            await Must(grains.GetGrain<IDemonstrationSiteGrain>(Guid.NewGuid()).RegisterAsync(
                new RegisterDemonstrationSite(name, Year, lon, lat, "社区保障(激励)资金特色项目示范点位", new SiteGuide(guide, trained), materials), context), name);

        foreach (var (title, unit, visits) in new[]
                 {
                     ("2026年市级示范产业社区", "兴隆湖社区", true), ("2026年市级示范农民集中居住区", "刘家坝村廖皇新居小区", true), ("2026年区级示范乡村社区", "刘家坝村", true),
                 })
        {
            var id = Guid.NewGuid();
            var grain = grains.GetGrain<ITitleApplicationGrain>(id);
            await Must(grain.ApplyAsync(new ApplyForTitle(title, unit, Year, D(6, 30)), context), "title");
            if (!visits)
                continue;
            await Must(grain.RecordVisitAsync(new RecordTitleVisit("precheck", D(10, 9), "新区党群工作部、社区治理和社事局", null), context), "precheck");
            await Must(grain.RecordVisitAsync(new RecordTitleVisit("mutual_evaluation", D(11, 5), "社区治理和社事局组建的督导组", null), context), "mutual evaluation");
        }
    }

    /// <summary>Takes a project through its first <paramref name="stages"/> stages with a placeholder PDF for each required document.</summary>
    private static async Task AdvanceAsync(IGrainFactory grains, IDocumentStore store, Guid id, int stages, CommandContext context)
    {
        var grain = grains.GetGrain<IFundProjectGrain>(id);
        foreach (var stage in ProjectStages.All.Take(stages))
        {
            foreach (var document in stage.Documents)
            {
                var bytes = Encoding.ASCII.GetBytes($"%PDF-1.4\n% {document.Kind} (演示材料)\n%%EOF\n");
                var documentId = Guid.NewGuid();
                await using (var session = store.LightweightSession())
                {
                    session.Store(new StoredDocument { Id = documentId, ProjectId = id, FileName = $"{document.Kind}.pdf", ContentType = "application/pdf", Bytes = bytes });
                    await session.SaveChangesAsync();
                }
                await Must(grain.AttachDocumentAsync(new AttachDocument(documentId, stage.Code, document.Kind, $"{document.Kind}.pdf", "application/pdf", bytes.Length,
                    Convert.ToHexStringLower(SHA256.HashData(bytes))), context), "document");
            }
            switch (stage.Code)
            {
                case "decision":
                    await Must(grain.RecordMeetingAsync(new RecordMeeting(D(5, 12), 45, 38, 35, 2), context), "meeting");
                    break;
                case "notice":
                    await Must(grain.PostNoticeAsync(new PostNotice(D(5, 15), D(5, 21)), context), "notice");
                    break;
                case "review":
                    await Must(grain.RecordReviewAsync(new RecordReview(D(5, 28), "街道社区发展办、三社联动指导中心、财务专家", true, "同意立项。"), context), "review");
                    break;
            }
            await Must(grain.EnterStageAsync(new EnterStage(stage.Code), context), stage.NameZh);
        }
    }

    private static DateOnly D(int month, int day) => new(Year, month, day);

    private static async Task Must(Task<CommandResult> command, string what)
    {
        var result = await command;
        if (result.Rejection is { } r)
            throw new InvalidOperationException($"Linkage demo: {what} was refused: {r.Reason}");
    }
}
