using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Security;
using Platform.Plugins.Ecological.Participation;
using Platform.Plugins.Ecological.Gardens;
using Platform.Plugins.Ecological.Households;

namespace Platform.Plugins.Ecological.Http;

/// <summary>
/// <c>POST /registrations</c>: a household registers with its householder, compound (name as given; optional id from
/// the compound register), contact and optionally the number of members.
/// </summary>
public sealed record RegistrationRequest(string? Householder, string? Compound, string? CompoundId, string? Contact, int? Members);

/// <summary><c>PUT /participation-rules</c>: how many households one resident account may register (administrators).</summary>
public sealed record ParticipationRulesRequest(int? HouseholdsPerResident);

internal static class RegistrationEndpoints
{
    public static void MapRegistrationEndpoints(this IEndpointRouteBuilder scene)
    {
        scene.MapPost("/registrations", async (HttpContext http, IGrainFactory grains) =>
        {
            var (body, problem) = await RequestBody.ReadAsync<RegistrationRequest>(http);
            if (problem is not null)
                return problem;
            if (Invalid(body!) is { } invalid)
                return invalid;
            var id = Guid.NewGuid();
            var command = new RegisterHousehold(body!.Householder!.Trim(), body.Compound!.Trim(),
                string.IsNullOrWhiteSpace(body.CompoundId) ? null : body.CompoundId.Trim(), body.Contact!.Trim(), body.Members);
            var result = await grains.GetGrain<IParticipationGrain>(http.User.UserName()).RegisterHouseholdAsync(id, command, http.Context("报名登记"));
            return result.Rejection is { } r
                ? r.ToProblem()
                : Results.Created($"/api/scenes/ecological/registrations/{id}", new RegisteredHousehold(id, command.Compound));
        }).WithRequestBody<RegistrationRequest>().RequireAuthorization(EcoAccess.Participate).Produces<RegisteredHousehold>(StatusCodes.Status201Created);

        scene.MapGet("/participation-rules", async (IQuerySession session, CancellationToken ct) =>
        {
            var rules = await session.LoadAsync<ParticipationRules>(ParticipationRules.StreamId, ct);
            return Results.Ok(new ParticipationRulesAnswer(rules?.HouseholdsPerResident ?? ParticipationRules.DefaultHouseholdsPerResident));
        }).RequireAuthorization(PlatformPolicies.SignedIn).Produces<ParticipationRulesAnswer>();

        scene.MapPut("/participation-rules", async (HttpContext http, IGrainFactory grains) =>
        {
            var (body, problem) = await RequestBody.ReadAsync<ParticipationRulesRequest>(http);
            if (problem is not null)
                return problem;
            if (body!.HouseholdsPerResident is not { } limit)
                return RequestBody.Missing("householdsPerResident", "每个居民账号可登记户数");
            var result = await grains.GetGrain<IParticipationRulesGrain>("rules").SetLimitAsync(limit, http.Context("调整报名户数上限"));
            return result.Rejection is { } r ? r.ToProblem() : Results.Ok(new ParticipationRulesAnswer(limit));
        }).WithRequestBody<ParticipationRulesRequest>().RequireAuthorization(PlatformPolicies.Administer).Produces<ParticipationRulesAnswer>();

        scene.MapGet("/registrations", async (IQuerySession session, CancellationToken ct) =>
        {
            var households = await session.Query<HouseholdView>().ToListAsync(ct);
            return Results.Ok(households.OrderBy(h => h.RegisteredAt).Select(Full).ToList());
        }).RequireAuthorization(PlatformPolicies.Staff).Produces<List<HouseholdRegistration>>();

        scene.MapGet("/registrations/mine", async (HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            var me = http.User.UserName();
            var households = await session.Query<HouseholdView>().Where(h => h.RegisteredBy == me).ToListAsync(ct);
            var plots = new List<HeldPlot>();
            foreach (var h in households)
            {
                var id = h.Id;
                var held = await session.Query<PlotView>().Where(p => p.Tenancies.Any(t => t.HouseholdId == id)).ToListAsync(ct);
                plots.AddRange(held.SelectMany(p => p.Tenancies.Where(t => t.HouseholdId == id)
                    .Select(t => new HeldPlot(id, p.Id, p.GardenId, p.Number, t.Season))));
            }
            return Results.Ok(new MyRegistrations([.. households.Select(Full)], plots));
        }).RequireAuthorization(PlatformPolicies.SignedIn).Produces<MyRegistrations>();

        scene.MapGet("/registrations/{householdId:guid}", async (Guid householdId, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            if (await session.LoadAsync<HouseholdView>(householdId, ct) is not { } h)
                return ProblemResults.Problem(404, "householdId", "No household is registered under this id.", "未找到该住户的报名登记。");
            return http.User.MaySeePersonalData() || h.RegisteredBy == http.User.UserName()
                ? Results.Ok(Full(h))
                : ProblemResults.Problem(403, "householdId", "Registrations are visible to staff and to whoever registered the household.", "报名信息仅工作人员和登记人可见。");
        }).RequireAuthorization(PlatformPolicies.SignedIn).Produces<HouseholdRegistration>();
    }

    private static HouseholdRegistration Full(HouseholdView h) =>
        new(h.Id, h.Householder, h.Compound, h.CompoundId, h.Contact, h.Members, h.RegisteredBy, h.RegisteredAt);

    private static IResult? Invalid(RegistrationRequest r) =>
        string.IsNullOrWhiteSpace(r.Householder) ? RequestBody.Missing("householder", "户主姓名")
        : r.Householder.Trim().Length > 50 ? ProblemResults.Problem(400, "householder", "The householder's name has at most 50 characters.", "户主姓名不超过 50 个字符。")
        : string.IsNullOrWhiteSpace(r.Compound) ? RequestBody.Missing("compound", "小区")
        : r.Compound.Trim().Length > 100 ? ProblemResults.Problem(400, "compound", "The compound name has at most 100 characters.", "小区名称不超过 100 个字符。")
        : r.CompoundId is { Length: > 64 } ? ProblemResults.Problem(400, "compoundId", "The compound id has at most 64 characters.", "小区编号不超过 64 个字符。")
        : string.IsNullOrWhiteSpace(r.Contact) ? RequestBody.Missing("contact", "联系方式")
        : r.Contact.Trim().Length is < 5 or > 50 ? ProblemResults.Problem(400, "contact", "The contact (a phone number) has 5 to 50 characters.", "联系方式（电话）须为 5 至 50 个字符。")
        : r.Members is < 1 or > 30 ? ProblemResults.Problem(400, "members", "A household has 1 to 30 members.", "家庭人数须在 1 至 30 之间。")
        : null;
}

/// <summary>A household registered: its id (for claims and the waiting list) and the compound as given.</summary>
internal sealed record RegisteredHousehold(Guid HouseholdId, string Compound);

/// <summary>How many households one resident account may register.</summary>
internal sealed record ParticipationRulesAnswer(int HouseholdsPerResident);

/// <summary>A household's registration: seen by staff and by whoever registered it.</summary>
internal sealed record HouseholdRegistration(Guid HouseholdId, [property: PersonalData] string Householder, string Compound, string? CompoundId,
    [property: PersonalData] string Contact, int? Members, [property: PersonalData] string RegisteredBy, DateTimeOffset RegisteredAt);

/// <summary>The caller's own households and the plots they hold.</summary>
internal sealed record MyRegistrations(IReadOnlyList<HouseholdRegistration> Households, IReadOnlyList<HeldPlot> Plots);

/// <summary>A plot one of the caller's households holds in a season.</summary>
internal sealed record HeldPlot(Guid HouseholdId, Guid PlotId, Guid GardenId, string Number, string Season);
