using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Security;

namespace Platform.Campaigns.Work;

/// <summary>A secondment as listed, with its days on duty as of the date asked.</summary>
public sealed record SecondmentView(Guid Id, string Staff, string Department, string Post, string Task, DateOnly StartOn, DateOnly? EndOn, int DaysOnDuty, bool OnDuty, long Version);

/// <summary>A leading group as it was on the date asked.</summary>
public sealed record LeadingGroupView(Guid Id, string Name, string Topic, DateOnly EstablishedOn, GroupComposition Composition, int WorkingGroups, long Version);

/// <summary>The street office's working records: secondments (<c>/api/secondments</c>), leading groups (<c>/api/leading-groups</c>), exchanges (<c>/api/exchanges</c>).</summary>
internal static class WorkEndpoints
{
    public sealed record SecondBody(string? Staff, string? Department, string? Post, string? Task, DateOnly? StartOn, DateOnly? EndOn);

    public sealed record EndBody(DateOnly? EndOn);

    public sealed record GroupBody(string? Name, string? Topic, DateOnly? EffectiveOn, GroupMember? Leader, GroupMember[]? ExecutiveDeputies, GroupMember[]? Deputies,
        GroupMember[]? Members, string? Office, WorkingGroup[]? WorkingGroups);

    public sealed record ExchangeBody(string? Kind, string? Title, DateOnly? HeldOn, string[]? Partners, int? Enterprises, int? Organisations, int? Residents,
        Agreement[]? Agreements, string? Summary);

    public static void MapWorkEndpoints(this IEndpointRouteBuilder app)
    {
        var s = app.MapGroup("/api/secondments").WithTags("Campaigns").RequireAuthorization(PlatformPolicies.Staff);
        s.MapGet("", async (DateOnly? asOf, IQuerySession session, CancellationToken ct) =>
        {
            var on = asOf ?? DateOnly.FromDateTime(DateTime.Today);
            return (await session.Query<Secondment>().ToListAsync(ct)).Where(x => x.StartOn <= on).OrderBy(x => x.StartOn).ThenBy(x => x.Staff, StringComparer.Ordinal)
                .Select(x => new SecondmentView(x.Id, x.Staff, x.Department, x.Post, x.Task, x.StartOn, x.EndOn, x.DaysOnDutyAsOf(on), x.EndOn is null || x.EndOn >= on, x.Version)).ToList();
        }).WithName("ListSecondments").Produces<List<SecondmentView>>();
        s.MapPost("", async (HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<SecondBody>(http);
            if (bad is not null)
                return bad;
            if (body!.StartOn is not { } start)
                return RequestBody.Missing("startOn", "开始日期");
            var id = Guid.NewGuid();
            return (await grains.GetGrain<ISecondmentGrain>(id).SecondAsync(new SecondStaff(body.Staff ?? "", body.Department ?? "", body.Post ?? "", body.Task ?? "", start, body.EndOn),
                http.User.ToCommandContext("登记人员抽调", http.TraceIdentifier))).AnswerCreated(id, $"/api/secondments/{id}");
        }).WithRequestBody<SecondBody>().RequireAuthorization(PlatformPolicies.Administer).WithName("SecondStaff").ProducesWrite(StatusCodes.Status201Created);
        s.MapPost("/{id:guid}/end", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<EndBody>(http);
            if (bad is not null)
                return bad;
            if (body!.EndOn is not { } end)
                return RequestBody.Missing("endOn", "结束日期");
            return (await grains.GetGrain<ISecondmentGrain>(id).EndAsync(end, http.User.ToCommandContext("结束人员抽调", http.TraceIdentifier))).Answer(id);
        }).WithRequestBody<EndBody>().RequireAuthorization(PlatformPolicies.Administer).WithName("EndSecondment").ProducesWrite();

        var l = app.MapGroup("/api/leading-groups").WithTags("Campaigns").RequireAuthorization(PlatformPolicies.Staff);
        l.MapGet("", async (DateOnly? asOf, IQuerySession session, CancellationToken ct) =>
        {
            var on = asOf ?? DateOnly.FromDateTime(DateTime.Today);
            return (await session.Query<LeadingGroup>().ToListAsync(ct)).Select(g => (g, c: g.AsOf(on))).Where(x => x.c is not null).OrderBy(x => x.g.EstablishedOn)
                .Select(x => new LeadingGroupView(x.g.Id, x.g.Name, x.g.Topic, x.g.EstablishedOn, x.c!, x.c!.WorkingGroups.Length, x.g.Version)).ToList();
        }).WithName("ListLeadingGroups").Produces<List<LeadingGroupView>>();
        l.MapPost("", async (HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<GroupBody>(http);
            if (bad is not null)
                return bad;
            if (Composition(body!) is not { } composition)
                return RequestBody.Missing("effectiveOn", "成立日期");
            var id = Guid.NewGuid();
            return (await grains.GetGrain<ILeadingGroupGrain>(id).EstablishAsync(new EstablishLeadingGroup(body!.Name ?? "", body.Topic ?? "", composition),
                http.User.ToCommandContext("成立领导小组", http.TraceIdentifier))).AnswerCreated(id, $"/api/leading-groups/{id}");
        }).WithRequestBody<GroupBody>().RequireAuthorization(PlatformPolicies.Administer).WithName("EstablishLeadingGroup").ProducesWrite(StatusCodes.Status201Created);
        l.MapPost("/{id:guid}/composition", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<GroupBody>(http);
            if (bad is not null)
                return bad;
            if (Composition(body!) is not { } composition)
                return RequestBody.Missing("effectiveOn", "调整日期");
            return (await grains.GetGrain<ILeadingGroupGrain>(id).RecomposeAsync(composition, http.User.ToCommandContext("调整领导小组", http.TraceIdentifier))).Answer(id);
        }).WithRequestBody<GroupBody>().RequireAuthorization(PlatformPolicies.Administer).WithName("RecomposeLeadingGroup").ProducesWrite();

        var e = app.MapGroup("/api/exchanges").WithTags("Campaigns").RequireAuthorization(PlatformPolicies.Staff);
        e.MapGet("", async (int? year, IQuerySession session, CancellationToken ct) =>
            (await session.Query<Exchange>().ToListAsync(ct)).Where(x => year is null || x.HeldOn.Year == year).OrderBy(x => x.HeldOn).ToList())
            .WithName("ListExchanges").Produces<List<Exchange>>();
        e.MapPost("", async (HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<ExchangeBody>(http);
            if (bad is not null)
                return bad;
            if (body!.HeldOn is not { } held)
                return RequestBody.Missing("heldOn", "日期");
            var id = Guid.NewGuid();
            return (await grains.GetGrain<IExchangeGrain>(id).RecordAsync(new RecordExchange(body.Kind ?? "", body.Title ?? "", held, body.Partners ?? [], body.Enterprises ?? 0,
                body.Organisations ?? 0, body.Residents ?? 0, body.Agreements ?? [], body.Summary), http.User.ToCommandContext("登记交流共建", http.TraceIdentifier))).AnswerCreated(id, $"/api/exchanges/{id}");
        }).WithRequestBody<ExchangeBody>().RequireAuthorization(PlatformPolicies.Administer).WithName("RecordExchange").ProducesWrite(StatusCodes.Status201Created);
    }

    private static GroupComposition? Composition(GroupBody b) => b.EffectiveOn is not { } on ? null
        : new GroupComposition(on, b.Leader ?? new GroupMember("", ""), b.ExecutiveDeputies ?? [], b.Deputies ?? [], b.Members ?? [], b.Office ?? "", b.WorkingGroups ?? []);
}
