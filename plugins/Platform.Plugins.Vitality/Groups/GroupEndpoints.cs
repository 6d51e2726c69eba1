using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Security;
using Platform.Plugins.Vitality.Activities;

// The group answers count each group's activities, and recording an activity checks its group: the group endpoints sit
// one namespace above both features, so that neither Groups nor Activities uses the other both ways.
namespace Platform.Plugins.Vitality.Groups.Endpoints;

/// <summary><c>POST /groups</c>: a group and where it meets (<c>lon</c>, <c>lat</c> in EPSG:4490).</summary>
public sealed record FoundGroupRequest(
    string? Name, string? Specialty, string? Description, string? HomeSpace, double? Lon, double? Lat, DateOnly? FoundedOn, int? Members, bool? Signature,
    string[]? Tags = null, string? SupportedBy = null, string? Leader = null);

/// <summary><c>POST /groups/{id}/stage</c>: the next incubation stage (<c>registered</c>, then <c>mature</c>) and its date.</summary>
public sealed record ReachStageRequest(string? Stage, DateOnly? On);

/// <summary><c>POST /groups/{id}/members</c> and <c>/members/leave</c>: the resident's name and the date (today when left out).</summary>
public sealed record MemberRequest(string? Name, DateOnly? On);

/// <summary><c>POST /groups/{id}/signature</c>: make the group its community's specialty group (特色), or stop it being so.</summary>
public sealed record SignatureRequest(bool? Signature);

/// <summary>The named members of a group and its leader (staff only: personal data).</summary>
public sealed record GroupMembers(Guid Id, string? Leader, int Members, IReadOnlyList<string> Named);

/// <summary>A group in answers, with its community today and its activity totals.</summary>
public sealed record GroupAnswer(
    Guid Id, string Name, string Specialty, string? SpecialtyZh, string? SpecialtyEn, string? Description, string HomeSpace, double Lon, double Lat,
    DateOnly FoundedOn, int Members, bool Signature, string? CommunityCode, string? CommunityName, int Activities, int Participants,
    string Stage, string? StageZh, DateOnly? RegisteredOn, DateOnly? MaturedOn, IReadOnlyList<string> Tags, string? SupportedBy);

internal static class GroupEndpoints
{
    public const int MaxTextLength = 100;
    public const int MaxDescriptionLength = 1000;
    public const int MaxMembers = 10_000;

    public static void MapGroupEndpoints(this IEndpointRouteBuilder scene)
    {
        scene.MapGet("/groups", async (string? community, string? specialty, IQuerySession session, IJurisdictionLocator locator, CancellationToken ct) =>
        {
            if (specialty is not null && GroupSpecialties.Find(specialty) is null)
                return UnknownSpecialty(specialty);
            var groups = (await session.Query<GroupView>().ToListAsync(ct)).Where(g => specialty is null || g.Specialty == specialty)
                .OrderBy(g => g.FoundedOn).ThenBy(g => g.Name, StringComparer.Ordinal).ToList();
            var answers = await AnswersAsync(groups, session, locator, ct);
            return Results.Ok(community is null ? answers : answers.Where(a => a.CommunityCode == community).ToList());
        }).Produces<List<GroupAnswer>>();

        scene.MapGet("/groups/{id:guid}", async (Guid id, IQuerySession session, IJurisdictionLocator locator, CancellationToken ct) =>
            await session.LoadAsync<GroupView>(id, ct) is { } group
                ? Results.Ok((await AnswersAsync([group], session, locator, ct))[0])
                : ProblemResults.Problem(404, "id", "No group is registered under this id.", "找不到该团队。")).Produces<GroupAnswer>();

        scene.MapPost("/groups", FoundAsync).WithRequestBody<FoundGroupRequest>().RequireAuthorization(PlatformPolicies.EditCommunityData)
            .Produces<GroupAnswer>(StatusCodes.Status201Created);

        scene.MapGet("/groups/{id:guid}/members", async (Guid id, IQuerySession session, CancellationToken ct) =>
            await session.LoadAsync<GroupView>(id, ct) is { } group
                ? Results.Ok(new GroupMembers(group.Id, group.Leader, group.Members, group.MemberNames))
                : UnknownGroup()).RequireAuthorization(PlatformPolicies.Staff).Produces<GroupMembers>();

        scene.MapPost("/groups/{id:guid}/stage", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (body, problem) = await RequestBody.ReadAsync<ReachStageRequest>(http);
            if (problem is not null)
                return problem;
            if (body!.Stage is null)
                return RequestBody.Missing("stage", "孵化阶段");
            if (GroupStages.Find(body.Stage) is null)
                return ProblemResults.Problem(400, "stage", $"Unknown stage '{body.Stage}'; one of {string.Join(", ", GroupStages.All.Select(s => s.Code))}.",
                    $"孵化阶段无效，可选：{string.Join("、", GroupStages.All.Select(s => $"{s.Code}（{s.NameZh}）"))}。");
            var on = body.On ?? Today;
            if (on > Today)
                return ProblemResults.Problem(400, "on", "The date lies in the future.", "日期晚于今天。");
            return (await grains.GetGrain<IGroupGrain>(id).ReachStageAsync(body.Stage, on, http.User.ToCommandContext("自组织孵化阶段", http.TraceIdentifier))).Answer(id);
        }).WithRequestBody<ReachStageRequest>().RequireAuthorization(PlatformPolicies.EditCommunityData).ProducesWrite();

        scene.MapPost("/groups/{id:guid}/members", (Guid id, HttpContext http, IGrainFactory grains) => MemberAsync(id, http, grains, join: true))
            .WithRequestBody<MemberRequest>().RequireAuthorization(PlatformPolicies.EditCommunityData).ProducesWrite();
        scene.MapPost("/groups/{id:guid}/members/leave", (Guid id, HttpContext http, IGrainFactory grains) => MemberAsync(id, http, grains, join: false))
            .WithRequestBody<MemberRequest>().RequireAuthorization(PlatformPolicies.EditCommunityData).ProducesWrite();

        scene.MapPost("/groups/{id:guid}/signature", async (Guid id, HttpContext http, IGrainFactory grains, IQuerySession session, IJurisdictionLocator locator) =>
        {
            var (body, problem) = await RequestBody.ReadAsync<SignatureRequest>(http);
            if (problem is not null)
                return problem;
            if (body!.Signature is not { } signature)
                return RequestBody.Missing("signature", "是否特色团队");
            if (await session.LoadAsync<GroupView>(id, http.RequestAborted) is not { } group)
                return UnknownGroup();
            var community = await CommunityKeyAsync(locator, group.Lon, group.Lat, http.RequestAborted);
            return (await grains.GetGrain<ICommunityGroupsGrain>(community).SetSignatureAsync(id, signature,
                http.User.ToCommandContext("一社区一特色", http.TraceIdentifier))).Answer(id);
        }).WithRequestBody<SignatureRequest>().RequireAuthorization(PlatformPolicies.EditCommunityData).ProducesWrite();
    }

    private static async Task<IResult> FoundAsync(HttpContext http, IJurisdictionLocator locator, IGrainFactory grains, IQuerySession session)
    {
        var (body, problem) = await RequestBody.ReadAsync<FoundGroupRequest>(http);
        if (problem is not null)
            return problem;
        var r = body!;
        if (string.IsNullOrWhiteSpace(r.Name))
            return RequestBody.Missing("name", "团队名称");
        if (r.Name.Trim().Length > MaxTextLength)
            return ProblemResults.Problem(400, "name", $"The name is longer than {MaxTextLength} characters.", $"团队名称超过 {MaxTextLength} 个字符。");
        if (r.Specialty is null)
            return RequestBody.Missing("specialty", "团队类型");
        if (GroupSpecialties.Find(r.Specialty) is null)
            return UnknownSpecialty(r.Specialty);
        if (r.Description?.Length > MaxDescriptionLength)
            return ProblemResults.Problem(400, "description", $"The description is longer than {MaxDescriptionLength} characters.", $"简介超过 {MaxDescriptionLength} 个字符。");
        if (string.IsNullOrWhiteSpace(r.HomeSpace))
            return RequestBody.Missing("homeSpace", "活动阵地");
        if (r.HomeSpace.Trim().Length > MaxTextLength)
            return ProblemResults.Problem(400, "homeSpace", $"The home space is longer than {MaxTextLength} characters.", $"活动阵地超过 {MaxTextLength} 个字符。");
        if (r.Lon is not { } lon)
            return RequestBody.Missing("lon", "经度");
        if (r.Lat is not { } lat)
            return RequestBody.Missing("lat", "纬度");
        if (PlaceChecks.NotInChina(lon, lat) is { } bad)
            return bad;
        var foundedOn = r.FoundedOn ?? Today;
        if (foundedOn > Today)
            return ProblemResults.Problem(400, "foundedOn", "The founding date lies in the future.", "成立日期晚于今天。");
        var members = r.Members ?? 0;
        if (members is < 0 or > MaxMembers)
            return ProblemResults.Problem(400, "members", $"The number of members is between 0 and {MaxMembers}.", $"成员人数须在 0 至 {MaxMembers} 之间。");

        var tags = (r.Tags ?? []).Select(t => t?.Trim() ?? "").ToArray();
        if (tags.Length > 10 || tags.Any(t => t.Length is 0 or > 20))
            return ProblemResults.Problem(400, "tags", "Tags are at most 10, each 1 to 20 characters.", "特长标签最多 10 个，每个 1 至 20 个字符。");
        if (r.SupportedBy?.Trim().Length > MaxTextLength)
            return ProblemResults.Problem(400, "supportedBy", $"The organisation's name is longer than {MaxTextLength} characters.", $"支持社会组织名称超过 {MaxTextLength} 个字符。");
        if (r.Leader?.Trim().Length > 50)
            return ProblemResults.Problem(400, "leader", "The leader's name is longer than 50 characters.", "负责人姓名超过 50 个字符。");

        var id = Guid.NewGuid();
        var command = new FoundGroup(r.Name.Trim(), r.Specialty, string.IsNullOrWhiteSpace(r.Description) ? null : r.Description.Trim(),
            r.HomeSpace.Trim(), lon, lat, foundedOn, members, r.Signature ?? false, tags,
            string.IsNullOrWhiteSpace(r.SupportedBy) ? null : r.SupportedBy.Trim(), string.IsNullOrWhiteSpace(r.Leader) ? null : r.Leader.Trim());
        var community = await CommunityKeyAsync(locator, lon, lat, http.RequestAborted);
        var result = await grains.GetGrain<ICommunityGroupsGrain>(community).FoundAsync(id, command, http.User.ToCommandContext("登记居民自组织", http.TraceIdentifier));
        if (result.Rejection is { } rejection)
            return rejection.ToProblem();
        var group = (await session.LoadAsync<GroupView>(id, http.RequestAborted))!;
        return Results.Created($"/api/scenes/vitality/groups/{id}", (await AnswersAsync([group], session, locator, http.RequestAborted))[0]);
    }

    private static async Task<IReadOnlyList<GroupAnswer>> AnswersAsync(IReadOnlyList<GroupView> groups, IQuerySession session, IJurisdictionLocator locator, CancellationToken ct)
    {
        var communities = await locator.CommunitiesOfAsync(groups.Select(g => (g.Lon, g.Lat)).ToList(), Today, ct);
        var ids = groups.Select(g => (Guid?)g.Id).ToArray();
        var activities = (await session.Query<ActivityView>().Where(a => a.GroupId != null).ToListAsync(ct)).Where(a => ids.Contains(a.GroupId)).ToList();
        return groups.Select((g, i) =>
        {
            var specialty = GroupSpecialties.Find(g.Specialty);
            var own = activities.Where(a => a.GroupId == g.Id).ToList();
            return new GroupAnswer(g.Id, g.Name, g.Specialty, specialty?.NameZh, specialty?.NameEn, g.Description, g.HomeSpace, g.Lon, g.Lat,
                g.FoundedOn, g.Members, g.Signature, communities[i]?.Code, communities[i]?.Name, own.Count, own.Sum(a => a.Participants),
                g.Stage, GroupStages.Find(g.Stage)?.NameZh, g.RegisteredOn, g.MaturedOn, g.Tags, g.SupportedBy);
        }).ToList();
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Today);

    /// <summary>The key of <see cref="ICommunityGroupsGrain"/> for a place: its community's code today, or <c>-</c> outside every community.</summary>
    public static async Task<string> CommunityKeyAsync(IJurisdictionLocator locator, double lon, double lat, CancellationToken ct) =>
        (await locator.CommunitiesOfAsync([(lon, lat)], Today, ct))[0]?.Code ?? "-";

    private static async Task<IResult> MemberAsync(Guid id, HttpContext http, IGrainFactory grains, bool join)
    {
        var (body, problem) = await RequestBody.ReadAsync<MemberRequest>(http);
        if (problem is not null)
            return problem;
        if (string.IsNullOrWhiteSpace(body!.Name))
            return RequestBody.Missing("name", "成员姓名");
        if (body.Name.Trim().Length > 50)
            return ProblemResults.Problem(400, "name", "The name is longer than 50 characters.", "成员姓名超过 50 个字符。");
        var on = body.On ?? Today;
        if (on > Today)
            return ProblemResults.Problem(400, "on", "The date lies in the future.", "日期晚于今天。");
        var grain = grains.GetGrain<IGroupGrain>(id);
        var context = http.User.ToCommandContext(join ? "加入团队" : "退出团队", http.TraceIdentifier);
        return (join ? await grain.JoinAsync(body.Name.Trim(), on, context) : await grain.LeaveAsync(body.Name.Trim(), on, context)).Answer(id);
    }

    private static IResult UnknownGroup() => ProblemResults.Problem(404, "id", "No group is registered under this id.", "找不到该团队。");

    private static IResult UnknownSpecialty(string specialty) => ProblemResults.Problem(400, "specialty",
        $"Unknown specialty '{specialty}'; one of {string.Join(", ", GroupSpecialties.All.Select(s => s.Code))}.",
        $"团队类型无效，可选：{string.Join("、", GroupSpecialties.All.Select(s => $"{s.Code}（{s.NameZh}）"))}。");
}
