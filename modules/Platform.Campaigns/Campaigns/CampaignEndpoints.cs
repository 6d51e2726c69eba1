using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Security;
using Platform.Campaigns.Households;

namespace Platform.Campaigns.Campaigns;

/// <summary>A campaign as listed: its targets and how far it got.</summary>
public sealed record CampaignSummary(Guid Id, string Name, string Purpose, DateOnly StartOn, DateOnly? EndOn, List<CampaignTarget> Targets,
    int TargetHouseholds, int Assigned, int Visits, int Completed, string Percent, long Version);

/// <summary>A household on a staff member's list: where to go and what happened; the head's name and phone only for staff of its community.</summary>
public sealed record MyVisit(Guid CampaignId, string Campaign, Guid RegisterId, string Register, string? Building, string? Unit, string Room,
    string? LastOutcome, string? LastOutcomeZh, DateTimeOffset? LastVisitAt,
    [property: PersonalData] Guid? HouseholdId, [property: PersonalData] string? Head, [property: PersonalData] string? Phone);

/// <summary>Campaigns and visits: <c>/api/campaigns/…</c>, the staff's phone page <c>/campaigns/visits</c> and the office's page <c>/campaigns/manage</c>.</summary>
internal static class CampaignEndpoints
{
    public sealed record LaunchBody(string? Name, string? Purpose, DateOnly? StartOn, DateOnly? EndOn, Guid[]? Registers);

    public sealed record AssignBody(string? Staff, Guid[]? HouseholdIds);

    public sealed record VisitBody(Guid? HouseholdId, string? Outcome, bool? Information, decimal? Temperature, bool? Publicity, DateTimeOffset? At);

    public static void MapCampaignEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/campaigns").WithTags("Campaigns");
        g.MapGet("", async (int? year, IQuerySession session, CancellationToken ct) =>
        {
            var campaigns = (await session.Query<Campaign>().ToListAsync(ct)).Where(c => year is null || c.StartOn.Year == year).OrderByDescending(c => c.StartOn).ToList();
            var registers = await RegistersAsync(session, campaigns, ct);
            return Results.Ok(campaigns.Select(c => SummaryOf(c, registers)).ToList());
        }).RequireAuthorization(PlatformPolicies.Staff).WithName("ListCampaigns").Produces<List<CampaignSummary>>();
        g.MapGet("/{id:guid}", async (Guid id, IQuerySession session, CancellationToken ct) =>
            await session.LoadAsync<Campaign>(id, ct) is { } c ? Results.Ok(SummaryOf(c, await RegistersAsync(session, [c], ct)))
                : ProblemResults.Problem(404, "id", "No such campaign.", "找不到该排查任务。"))
            .RequireAuthorization(PlatformPolicies.Staff).WithName("GetCampaign").Produces<CampaignSummary>();
        g.MapGet("/{id:guid}/coverage", async (Guid id, IQuerySession session, CancellationToken ct) =>
            await session.LoadAsync<Campaign>(id, ct) is { } c ? Results.Ok(CampaignCoverage.Of(c, await RegistersAsync(session, [c], ct)))
                : ProblemResults.Problem(404, "id", "No such campaign.", "找不到该排查任务。"))
            .RequireAuthorization(PlatformPolicies.Staff).WithName("CampaignCoverage").Produces<CampaignCoverageAnswer>();
        g.MapGet("/mine", async (HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            var me = http.User.UserName();
            var campaigns = (await session.Query<Campaign>().ToListAsync(ct)).Where(c => c.Assignments.ContainsValue(me)).ToList();
            var registers = await RegistersAsync(session, campaigns, ct);
            var scope = http.User.Scope();
            var list = new List<MyVisit>();
            foreach (var c in campaigns)
                foreach (var r in c.Targets.Select(t => registers.GetValueOrDefault(t.RegisterId)).OfType<HouseholdRegister>())
                {
                    var personal = scope.Covers(r.CommunityCode);
                    foreach (var h in r.Households.Where(h => c.Assignments.GetValueOrDefault(h.Id) == me))
                    {
                        var last = c.Visits.Where(v => v.HouseholdId == h.Id).MaxBy(v => v.At);
                        list.Add(new MyVisit(c.Id, c.Name, r.Id, r.Name, h.Building, h.Unit, h.Room, last?.Outcome, last is null ? null : VisitOutcomes.NamesZh[last.Outcome], last?.At,
                            personal ? h.Id : null, personal ? h.Head : null, personal ? h.Phone : null));
                    }
                }
            return Results.Ok(list.OrderBy(v => v.LastOutcome == VisitOutcomes.Visited ? 1 : 0).ThenBy(v => v.Register, StringComparer.Ordinal)
                .ThenBy(v => v.Building, StringComparer.Ordinal).ThenBy(v => v.Unit, StringComparer.Ordinal).ThenBy(v => v.Room, StringComparer.Ordinal).ToList());
        }).RequireAuthorization(PlatformPolicies.Staff).WithName("MyVisits").Produces<List<MyVisit>>();

        g.MapPost("", async (HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<LaunchBody>(http);
            if (bad is not null)
                return bad;
            if (body!.StartOn is not { } start)
                return RequestBody.Missing("startOn", "开始日期");
            var id = Guid.NewGuid();
            return (await grains.GetGrain<ICampaignGrain>(id).LaunchAsync(new LaunchCampaign(body.Name ?? "", body.Purpose ?? "", start, body.EndOn, body.Registers ?? []),
                http.User.ToCommandContext("发布入户排查任务", http.TraceIdentifier))).AnswerCreated(id, $"/api/campaigns/{id}");
        }).WithRequestBody<LaunchBody>().RequireAuthorization(PlatformPolicies.Administer).WithName("LaunchCampaign").ProducesWrite(StatusCodes.Status201Created);
        g.MapPost("/{id:guid}/assignments", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<AssignBody>(http);
            if (bad is not null)
                return bad;
            return (await grains.GetGrain<ICampaignGrain>(id).AssignAsync(new AssignVisits(body!.Staff ?? "", body.HouseholdIds ?? []),
                http.User.ToCommandContext("分配走访任务", http.TraceIdentifier))).Answer(id);
        }).WithRequestBody<AssignBody>().RequireAuthorization(PlatformPolicies.EditCommunityData).WithName("AssignVisits").ProducesWrite();
        g.MapPost("/{id:guid}/visits", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<VisitBody>(http);
            if (bad is not null)
                return bad;
            if (body!.HouseholdId is not { } household)
                return RequestBody.Missing("householdId", "住户");
            return (await grains.GetGrain<ICampaignGrain>(id).RecordVisitsAsync([new RecordVisit(household, body.Outcome ?? "", body.Information ?? false, body.Temperature, body.Publicity ?? false, body.At)],
                http.User.ToCommandContext("登记入户走访", http.TraceIdentifier))).Answer(id);
        }).WithRequestBody<VisitBody>().RequireAuthorization(PlatformPolicies.EditCommunityData).WithName("RecordVisit").ProducesWrite();

        app.MapGet("/campaigns/visits", () => Results.Content(VisitsPage.Html, "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/campaigns/visits.js", () => Results.Content(VisitsPage.Script, "text/javascript; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/campaigns/manage", () => Results.Content(ManagePage.Html, "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/campaigns/manage.js", () => Results.Content(ManagePage.Script, "text/javascript; charset=utf-8")).ExcludeFromDescription();
    }

    internal static async Task<Dictionary<Guid, HouseholdRegister>> RegistersAsync(IQuerySession session, IEnumerable<Campaign> campaigns, CancellationToken ct)
    {
        var ids = campaigns.SelectMany(c => c.Targets.Select(t => t.RegisterId)).Distinct().ToArray();
        return ids.Length == 0 ? [] : (await session.LoadManyAsync<HouseholdRegister>(ct, ids)).ToDictionary(r => r.Id);
    }

    private static CampaignSummary SummaryOf(Campaign c, IReadOnlyDictionary<Guid, HouseholdRegister> registers)
    {
        var coverage = CampaignCoverage.Of(c, registers);
        return new CampaignSummary(c.Id, c.Name, c.Purpose, c.StartOn, c.EndOn, c.Targets, coverage.TargetHouseholds, c.Assignments.Count, c.Visits.Count,
            coverage.Completed, coverage.Percent, c.Version);
    }
}
