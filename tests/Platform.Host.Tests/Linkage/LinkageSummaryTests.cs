using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Linkage;

[Collection(LinkageCollection.Name)]
public sealed partial class LinkageSummaryTests(LinkageHost host)
{
    [Fact]
    public async Task SectionFour_PrintsTheFiguresTheApiGivesForTheYear()
    {
        var planner = await host.As("planner");
        var md = await (await planner.GetAsync("/api/reports/annual?year=2026&format=md")).Content.ReadAsStringAsync();
        var start = md.IndexOf("### （四）", StringComparison.Ordinal);
        Assert.True(start > 0, md);
        var four = md[start..md.IndexOf("### （五）", StringComparison.Ordinal)];
        Assert.DoesNotContain("【待补", four);

        async Task<JsonElement> Get(string path) => await (await planner.GetAsync(path)).JsonAsync(HttpStatusCode.OK);

        var trainings = await Get("/api/linkage/trainings?year=2026");
        var sessions = trainings.EnumerateArray().SelectMany(t => t.GetProperty("sessions").EnumerateArray()).Where(s => s.GetProperty("on").GetString()!.StartsWith("2026", StringComparison.Ordinal)).ToList();
        var training = Training().Match(four);
        Assert.True(training.Success, four);
        Assert.Equal(sessions.Count.ToString(CultureInfo.InvariantCulture), training.Groups[1].Value);
        Assert.Equal(sessions.Sum(s => s.GetProperty("attendance").GetInt32()).ToString(CultureInfo.InvariantCulture), training.Groups[2].Value);

        var conferences = await Get("/api/linkage/conferences?year=2026");
        var published = conferences.EnumerateArray().SelectMany(c => c.GetProperty("list").EnumerateArray()).DistinctBy(p => p.GetProperty("id").GetString()).ToList();
        var total = published.Sum(p => p.GetProperty("amountWan").GetDecimal());
        var conference = Conference().Match(four);
        Assert.True(conference.Success, four);
        Assert.Equal(published.Count.ToString(CultureInfo.InvariantCulture), conference.Groups[1].Value);
        Assert.Equal(total, decimal.Parse(conference.Groups[2].Value, CultureInfo.InvariantCulture));
        Assert.Equal(182.5m, total); // the demo's twelve amounts added by hand: 18.6+12.4+15.2+22.8+16.5+10.3+19.7+14.9+13.6+11.2+17.45+9.85

        var projects = (await Get("/api/linkage/projects?year=2026")).EnumerateArray().ToList();
        var applied = projects.Where(p => p.GetProperty("application").ValueKind == JsonValueKind.Object).ToList();
        var approved = applied.Where(p => p.GetProperty("decision").ValueKind == JsonValueKind.Object && p.GetProperty("decision").GetProperty("approved").GetBoolean()).ToList();
        var incentive = Incentive().Match(four);
        Assert.True(incentive.Success, four);
        Assert.Equal(applied.Select(p => p.GetProperty("communityCode").GetString()).Distinct().Count().ToString(CultureInfo.InvariantCulture), incentive.Groups["communities"].Value);
        Assert.Equal(applied.Count.ToString(CultureInfo.InvariantCulture), incentive.Groups["applied"].Value);
        Assert.Equal(approved.Count.ToString(CultureInfo.InvariantCulture), incentive.Groups["approved"].Value);
        Assert.Equal(approved.Sum(p => p.GetProperty("decision").GetProperty("approvedWan").GetDecimal()), decimal.Parse(incentive.Groups["wan"].Value, CultureInfo.InvariantCulture));
        Assert.Equal(approved.Count(p => p.GetProperty("stage").GetString() == "implementation").ToString(CultureInfo.InvariantCulture), incentive.Groups["started"].Value);

        var team = (await Get("/api/linkage/supervision-teams?year=2026"))[0];
        var supervised = projects.Where(p => p.GetProperty("checks").GetArrayLength() > 0).ToList();
        var supervision = Supervision().Match(four);
        Assert.True(supervision.Success, four);
        Assert.Equal(team.GetProperty("members").GetArrayLength().ToString(CultureInfo.InvariantCulture), supervision.Groups[1].Value);
        Assert.Equal(supervised.Select(p => p.GetProperty("communityCode").GetString()).Distinct().Count().ToString(CultureInfo.InvariantCulture), supervision.Groups[2].Value);
        Assert.Equal(supervised.Count.ToString(CultureInfo.InvariantCulture), supervision.Groups[3].Value);

        var sites = await Get("/api/linkage/demonstration-sites?year=2026");
        Assert.Contains($"等{sites.GetArrayLength()}个示范点位", four);

        var reports = (await Get("/api/linkage/situation-reports?year=2026")).EnumerateArray().ToList();
        Assert.Contains($"发布街道社区情况总体报告及{reports.Count(r => r.GetProperty("kind").GetString() == "community")}个社区(村)分报告", four);

        var titles = (await Get("/api/linkage/titles?year=2026")).EnumerateArray().ToList();
        var precheck = titles.SelectMany(t => t.GetProperty("visits").EnumerateArray()).Where(v => v.GetProperty("stage").GetString() == "precheck")
            .Select(v => DateOnly.Parse(v.GetProperty("on").GetString()!, CultureInfo.InvariantCulture)).Min();
        var mutual = titles.SelectMany(t => t.GetProperty("visits").EnumerateArray()).Where(v => v.GetProperty("stage").GetString() == "mutual_evaluation")
            .Select(v => DateOnly.Parse(v.GetProperty("on").GetString()!, CultureInfo.InvariantCulture)).Min();
        Assert.Contains($"{precheck.Month}月{precheck.Day}日，接待", four);
        Assert.Contains($"{mutual.Month}月{mutual.Day}日，接待", four);
        Assert.Contains("完成街道示范建设工作互促互评", four);
        foreach (var t in titles)
            Assert.Contains($"指导{t.GetProperty("applicantUnit").GetString()}申报创建{t.GetProperty("title").GetString()}", four);
    }

    [Fact]
    public async Task AYearWithoutRecords_MarksTheFiguresMissing_InsteadOfPrintingZeros()
    {
        var planner = await host.As("planner");
        var md = await (await planner.GetAsync("/api/reports/annual?year=2024&format=md")).Content.ReadAsStringAsync();
        var four = md[md.IndexOf("### （四）", StringComparison.Ordinal)..md.IndexOf("### （五）", StringComparison.Ordinal)];
        Assert.Contains("【待补：资金业务培训人次】", four);
        Assert.Contains("【待补：发布项目资金总额（万元）】", four);
        Assert.DoesNotContain("双示范", four);
    }

    [GeneratedRegex(@"资金业务培训(\d+)次，累计覆盖(\d+)人次")]
    private static partial Regex Training();

    [GeneratedRegex(@"等项目(\d+)个，资金达([\d.]+)万元")]
    private static partial Regex Conference();

    [GeneratedRegex(@"组织(?<communities>\d+)个社区\(村\)联合社会组织申报.+?等项目(?<applied>\d+)个，.+?(?<approvedCommunities>\d+)个社区\(村\)(?<approved>\d+)个创新项目获批激励资金支持（共(?<wan>[\d.]+)万元），(?<started>\d+)个创新项目已启动实施")]
    private static partial Regex Incentive();

    [GeneratedRegex(@"组成的(\d+)人社区保障\(激励\)资金项目督导小组，对(\d+)个社区\(村\)共计(\d+)个项目")]
    private static partial Regex Supervision();
}
