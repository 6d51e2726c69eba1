using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Security;
using Platform.Linkage.Demonstration;
using Platform.Linkage.Situation;
using Platform.Linkage.Titles;
using Platform.Linkage.Trainings;

using Platform.Linkage.Supervision;

namespace Platform.Linkage.Http;

/// <summary>
/// The street office's records around the projects: <c>/api/linkage/supervision-teams</c>, <c>trainings</c>,
/// <c>demonstration-sites</c> and <c>tours</c>, <c>titles</c>, <c>situation-reports</c>.
/// </summary>
internal static class StreetOfficeEndpoints
{
    public sealed record TeamBody(int? Year, string? Name, TeamMember[]? Members, DateOnly? On);
    public sealed record TrainingBody(string? Topic, TrainingSession[]? Sessions, int? Attendees, string[]? CommunityCodes);
    public sealed record SiteBody(string? Name, int? Year, double[]? Location, string? Description, SiteGuide? Guide, string[]? Materials);
    public sealed record TourBody(Guid[]? SiteIds);
    public sealed record TitleBody(string? Title, string? ApplicantUnit, int? Year, DateOnly? On);
    public sealed record VisitBody(string? Stage, DateOnly? On, string? VisitingBody, string? Note);
    public sealed record ReportBody(string? Kind, string? Title, string? CommunityCode, DateOnly? On);

    public static void MapStreetOfficeEndpoints(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/linkage").RequireAuthorization(PlatformPolicies.Staff).WithTags("linkage");
        var admin = staff.MapGroup("").RequireAuthorization(PlatformPolicies.Administer);

        staff.MapGet("/supervision-teams", async (int? year, IQuerySession session, CancellationToken ct) =>
            (await session.Query<SupervisionTeam>().ToListAsync(ct)).Where(t => year is null || t.Year == year)
                .Select(t => new SupervisionTeamDto(t.Id, t.Year, t.Name, t.FormedOn, t.Members.Select(m => new TeamMemberDto(m.Name, m.Role, SupervisionTeam.Roles[m.Role])).ToList())).ToList())
            .Produces<List<SupervisionTeamDto>>().WithName("LinkageSupervisionTeams");
        Create<TeamBody>(admin, "/supervision-teams", "LinkageFormTeam", "成立督导小组", (b, g, id, c) =>
            b.Year is null ? Missing("year", "年度") : g.GetGrain<ISupervisionTeamGrain>(id).FormAsync(new FormTeam(b.Year.Value, b.Name ?? "", b.Members ?? [], b.On ?? Today), c));

        staff.MapGet("/trainings", async (int? year, IQuerySession session, CancellationToken ct) =>
            (await session.Query<FundTraining>().ToListAsync(ct)).Where(t => year is null || t.Sessions.Any(s => s.On.Year == year))
                .OrderBy(t => t.Sessions.Min(s => s.On))
                .Select(t => new FundTrainingDto(t.Id, t.Topic, t.Sessions.Select(s => new TrainingSessionDto(s.On, s.Attendance)).ToList(), t.Attendees, t.PersonTimes, t.CommunityCodes, t.CommunityNames)).ToList())
            .Produces<List<FundTrainingDto>>().WithName("LinkageTrainings");
        Create<TrainingBody>(admin, "/trainings", "LinkageRecordTraining", "登记资金业务培训", (b, g, id, c) =>
            g.GetGrain<IFundTrainingGrain>(id).RecordAsync(new RecordTraining(b.Topic ?? "", b.Sessions ?? [], b.Attendees ?? 0, b.CommunityCodes ?? []), c));

        staff.MapGet("/demonstration-sites", async (int? year, IQuerySession session, CancellationToken ct) =>
            (await session.Query<DemonstrationSite>().ToListAsync(ct)).Where(s => year is null || s.Year == year).OrderBy(s => s.Name, StringComparer.Ordinal)
                .Select(s => new DemonstrationSiteDto(s.Id, s.Name, s.Year, [s.Lon, s.Lat], s.Description, GuideOf(s), s.Materials)).ToList())
            .Produces<List<DemonstrationSiteDto>>().WithName("LinkageDemonstrationSites");
        Create<SiteBody>(staff.MapGroup("").RequireAuthorization(PlatformPolicies.EditCommunityData), "/demonstration-sites", "LinkageRegisterSite", "登记示范点位", (b, g, id, c) =>
            b.Location is not { Length: 2 } ? Missing("location", "位置 [经度, 纬度]")
            : b.Year is null ? Missing("year", "年度")
            : g.GetGrain<IDemonstrationSiteGrain>(id).RegisterAsync(new RegisterDemonstrationSite(b.Name ?? "", b.Year.Value, b.Location[0], b.Location[1], b.Description ?? "", b.Guide, b.Materials ?? []), c));
        staff.MapPost("/tours", async (HttpContext http, TourPlanning planning) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<TourBody>(http);
            if (bad is not null)
                return bad;
            var (tour, problem) = await planning.PlanAsync(body!.SiteIds ?? [], http.RequestAborted);
            if (problem is not null)
                return problem.ToProblem();
            var route = string.Join("→", tour!.Sites.Select(s => s.Name));
            return Results.Ok(new TourDto(
                tour.Sites.Select((s, i) => new TourStopDto(i + 1, s.Id, s.Name, [s.Lon, s.Lat], GuideOf(s))).ToList(),
                tour.Legs.Select(l => new TourLegDto(l.From, l.To, l.Metres, l.Minutes)).ToList(),
                tour.Metres, tour.Minutes, tour.Exact, tour.MethodZh, tour.MethodEn, TourPlanning.MetresPerMinute, route,
                tour.Route.Select(p => new[] { Math.Round(p.Lon, 6), Math.Round(p.Lat, 6) }).ToList(), TourPrint.Url(tour, "pdf"), TourPrint.Url(tour, "png")));
        }).WithRequestBody<TourBody>().Produces<TourDto>().WithName("LinkagePlanTour");

        staff.MapGet("/titles", async (int? year, IQuerySession session, CancellationToken ct) =>
            (await session.Query<TitleApplication>().ToListAsync(ct)).Where(t => year is null || t.Year == year).OrderBy(t => t.AppliedOn)
                .Select(t => new TitleApplicationDto(t.Id, t.Title, t.ApplicantUnit, t.Year, t.AppliedOn, t.Stage, TitleApplication.Stages.First(s => s.Code == t.Stage).Zh,
                    t.Visits.Select(v => new TitleVisitDto(v.Stage, v.On, v.VisitingBody, v.Note)).ToList())).ToList())
            .Produces<List<TitleApplicationDto>>().WithName("LinkageTitles");
        Create<TitleBody>(admin, "/titles", "LinkageApplyForTitle", "申报示范称号", (b, g, id, c) =>
            b.Year is null ? Missing("year", "年度") : g.GetGrain<ITitleApplicationGrain>(id).ApplyAsync(new ApplyForTitle(b.Title ?? "", b.ApplicantUnit ?? "", b.Year.Value, b.On ?? Today), c));
        admin.MapPost("/titles/{id:guid}/visits", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<VisitBody>(http);
            if (bad is not null)
                return bad;
            if (body!.On is null)
                return RequestBody.Missing("on", "日期");
            var result = await grains.GetGrain<ITitleApplicationGrain>(id).RecordVisitAsync(new RecordTitleVisit(body.Stage ?? "", body.On.Value, body.VisitingBody ?? "", body.Note),
                http.User.ToCommandContext("双示范环节", http.TraceIdentifier));
            return result.Answer(id);
        }).WithRequestBody<VisitBody>().ProducesWrite().WithName("LinkageTitleVisit");

        staff.MapGet("/situation-reports", async (int? year, IQuerySession session, CancellationToken ct) =>
            (await session.Query<SituationReport>().ToListAsync(ct)).Where(r => year is null || r.IssuedOn.Year == year).OrderBy(r => r.IssuedOn)
                .Select(r => new SituationReportDto(r.Id, r.Kind, r.Title, r.CommunityCode, r.CommunityName, r.IssuedOn)).ToList())
            .Produces<List<SituationReportDto>>().WithName("LinkageSituationReports");
        Create<ReportBody>(admin, "/situation-reports", "LinkageIssueSituationReport", "发布社区情况报告", (b, g, id, c) =>
            g.GetGrain<ISituationReportGrain>(id).IssueAsync(new IssueSituationReport(b.Kind ?? "", b.Title ?? "", b.CommunityCode, b.On ?? Today), c));
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Today);

    private static GuideDto? GuideOf(DemonstrationSite s) => s.Guide is { } g ? new GuideDto(g.Name, g.Trained) : null;

    private static Task<CommandResult> Missing(string field, string zh) => Task.FromResult(CommandResult.Refused(400, field, $"'{field}' is required.", $"缺少“{zh}”。"));

    private static void Create<TBody>(RouteGroupBuilder group, string pattern, string name, string reason, Func<TBody, IGrainFactory, Guid, CommandContext, Task<CommandResult>> send) where TBody : class =>
        group.MapPost(pattern, async (HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<TBody>(http);
            if (bad is not null)
                return bad;
            var id = Guid.NewGuid();
            var result = await send(body!, grains, id, http.User.ToCommandContext(reason, http.TraceIdentifier));
            return result.AnswerCreated(id, $"/api/linkage{pattern}/{id}");
        }).WithRequestBody<TBody>().ProducesWrite(StatusCodes.Status201Created).WithName(name);
}
