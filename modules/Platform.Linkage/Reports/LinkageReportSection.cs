using System.Globalization;
using Marten;
using Platform.Abstractions.Reports;
using Platform.Linkage.Demonstration;
using Platform.Linkage.Pools;
using Platform.Linkage.Projects;
using Platform.Linkage.Situation;
using Platform.Linkage.Supervision;
using Platform.Linkage.Titles;
using Platform.Linkage.Trainings;

namespace Platform.Linkage.Reports;

/// <summary>
/// Section (四) of the annual summary, 三社联动: figures shared as <c>report.linkage</c> (<see cref="LinkageFigures"/>); the annual
/// template prints the sentences. The year is the report period's start year; dates within the period count.
/// </summary>
internal sealed class LinkageReportSection(IDocumentStore store) : IReportSection
{
    public string Id => "linkage";
    public string TitleZh => "三社联动与社区专项资金";
    public string TitleEn => "Three-society linkage and community funds";
    public int Order => 40;
    public string Template => "";
    public bool SharesFigures => true;

    public async Task<object> DataAsync(ReportPeriod period, CancellationToken ct = default) => new LinkageReportData(await FiguresAsync(period, ct));

    public async Task<LinkageFigures> FiguresAsync(ReportPeriod period, CancellationToken ct)
    {
        var year = period.From.Year;
        var code = period.CommunityCode;
        bool Here(string? c) => code is null || c == code;
        bool During(DateOnly d) => d >= period.From && d <= period.To;
        await using var s = store.QuerySession();

        var reports = (await s.Query<SituationReport>().ToListAsync(ct)).Where(r => During(r.IssuedOn)).ToList();
        var centre = (await s.Query<GuidanceCentre>().ToListAsync(ct)).Where(c => c.EstablishedOn <= period.To).OrderBy(c => c.EstablishedOn).FirstOrDefault();
        var workers = await s.Query<SocialWorker>().CountAsync(ct);
        var trainings = (await s.Query<FundTraining>().ToListAsync(ct)).Where(t => code is null || t.CommunityCodes.Contains(code)).ToList();
        var sessions = trainings.SelectMany(t => t.Sessions).Where(x => During(x.On)).ToList();
        var projects = (await s.Query<FundProject>().ToListAsync(ct)).Where(p => p.Year == year && Here(p.CommunityCode)).ToDictionary(p => p.Id);
        var conferences = (await s.Query<LaunchConference>().ToListAsync(ct)).Where(c => c.Year == year).ToList();
        var published = conferences.SelectMany(c => c.ProjectIds).Distinct().Where(projects.ContainsKey).Select(id => projects[id]).ToList();
        var applications = projects.Values.Where(p => p.Application is not null).ToList();
        var approved = applications.Where(p => p.Decision is { Approved: true }).ToList();
        var started = approved.Count(p => p.Stages.Any(x => x.Stage == "implementation"));
        var team = (await s.Query<SupervisionTeam>().ToListAsync(ct)).FirstOrDefault(t => t.Year == year);
        var supervised = projects.Values.Where(p => p.Checks.Any(c => During(c.On))).ToList();
        var sites = (await s.Query<DemonstrationSite>().ToListAsync(ct)).Where(x => x.Year == year).OrderBy(x => x.Name, StringComparer.Ordinal).ToList();
        var titles = (await s.Query<TitleApplication>().ToListAsync(ct)).Where(t => t.Year == year).OrderBy(t => t.AppliedOn).ToList();

        VisitFigures? Visit(string stage) => titles.SelectMany(t => t.Visits).Where(v => v.Stage == stage).OrderBy(v => v.On).Select(v =>
            new VisitFigures(v.On, string.Create(CultureInfo.InvariantCulture, $"{v.On.Month}月{v.On.Day}日"), v.VisitingBody)).FirstOrDefault();
        static string Joined(IEnumerable<string> names) => string.Join("、", names.Distinct());

        return new LinkageFigures(
            year,
            reports.Count + trainings.Count + projects.Count + sites.Count + titles.Count > 0,
            reports.Count(r => r.Kind == SituationReport.Overall && code is null),
            reports.Count(r => r.Kind == SituationReport.Community && Here(r.CommunityCode)),
            centre?.Name, centre?.CommunityName, workers,
            centre?.Incubated.Count(i => i.Year == year && Here(i.CommunityCode)) ?? 0,
            sessions.Count, sessions.Sum(x => x.Attendance),
            trainings.Where(t => t.Sessions.Any(x => During(x.On))).SelectMany(t => t.CommunityCodes).Distinct().Count(),
            conferences.Count, published.Count, published.Sum(p => p.AmountWan), Wan(published.Sum(p => p.AmountWan)),
            Joined(published.Select(p => p.Category)),
            applications.Count, applications.Select(p => p.CommunityCode).Distinct().Count(), Joined(applications.Select(p => p.Category)),
            approved.Count, approved.Select(p => p.CommunityCode).Distinct().Count(),
            Joined(approved.Select(p => ShortName(p.CommunityName))),
            approved.Sum(p => p.Decision!.ApprovedWan), Wan(approved.Sum(p => p.Decision!.ApprovedWan)),
            started,
            team?.Members.Count ?? 0, team is null ? "" : Joined(team.Members.Select(m => SupervisionTeam.Roles[m.Role])),
            supervised.Count, supervised.Select(p => p.CommunityCode).Distinct().Count(),
            sites.Count, sites.Count(x => x.Materials.Count > 0), Joined(sites.Select(x => x.Name)),
            titles.Select(t => new TitleFigures(t.ApplicantUnit, t.Title, t.Year, TitleApplication.Stages.First(x => x.Code == t.Stage).Zh)).ToList(),
            Visit("precheck"), Visit("mutual_evaluation"));
    }

    /// <summary>An exact amount of 万元 without trailing zeros: 112.5, 30, 0.0125.</summary>
    public static string Wan(decimal amount) => amount.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>兴隆湖社区 → 兴隆湖, as the summary lists communities before 个社区.</summary>
    private static string ShortName(string name) => name.EndsWith("社区", StringComparison.Ordinal) ? name[..^2] : name;
}
