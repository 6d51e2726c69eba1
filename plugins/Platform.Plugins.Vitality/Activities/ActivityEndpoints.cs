using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Security;
using Platform.Plugins.Vitality.Groups;

namespace Platform.Plugins.Vitality.Activities;

/// <summary>
/// <c>POST /activities</c>: an activity that was held — title, the space (kind, name, <c>lon</c>/<c>lat</c> in EPSG:4490),
/// the date, participants (person-times), optionally the organising group and the series it belongs to.
/// </summary>
public sealed record RecordActivityRequest(
    string? Title, Guid? GroupId, string? Series, string? SpaceKind, string? SpaceName, double? Lon, double? Lat, DateOnly? HeldOn, int? Participants);

/// <summary>An activity in answers, with its group's name and the community of its place today.</summary>
public sealed record ActivityAnswer(
    Guid Id, string Title, Guid? GroupId, string? GroupName, string? Series, string SpaceKind, string? SpaceKindZh, string? SpaceKindEn, string SpaceName,
    double Lon, double Lat, DateOnly HeldOn, int Participants, string? CommunityCode, string? CommunityName,
    bool Scheduled, Guid? VenueId, DateTimeOffset? Start, DateTimeOffset? End, int? Capacity, int SignedUp, int Waiting);

internal static class ActivityEndpoints
{
    public const int MaxTextLength = 100;
    public const int MaxParticipants = 100_000;

    public static void MapActivityEndpoints(this IEndpointRouteBuilder scene)
    {
        scene.MapGet("/activities", async (string? community, Guid? groupId, Guid? venueId, DateOnly? from, DateOnly? to, IQuerySession session, IJurisdictionLocator locator, CancellationToken ct) =>
        {
            if (from is { } f && to is { } t && f > t)
                return ProblemResults.Problem(400, "from", "'from' lies after 'to'.", "开始日期晚于结束日期。");
            var activities = (await session.Query<ActivityView>().ToListAsync(ct))
                .Where(a => (groupId is null || a.GroupId == groupId) && (venueId is null || a.VenueId == venueId) && (from is null || a.HeldOn >= from) && (to is null || a.HeldOn <= to))
                .OrderByDescending(a => a.HeldOn).ThenBy(a => a.Title, StringComparer.Ordinal).ToList();
            var answers = await AnswersAsync(activities, session, locator, ct);
            return Results.Ok(community is null ? answers : answers.Where(a => a.CommunityCode == community).ToList());
        }).Produces<List<ActivityAnswer>>();

        scene.MapGet("/activities/{id:guid}", async (Guid id, IQuerySession session, IJurisdictionLocator locator, CancellationToken ct) =>
            await session.LoadAsync<ActivityView>(id, ct) is { } activity
                ? Results.Ok((await AnswersAsync([activity], session, locator, ct))[0])
                : ProblemResults.Problem(404, "id", "No activity is recorded under this id.", "找不到该活动。")).Produces<ActivityAnswer>();

        scene.MapPost("/activities", RecordAsync).WithRequestBody<RecordActivityRequest>().RequireAuthorization(PlatformPolicies.EditCommunityData)
            .Produces<ActivityAnswer>(StatusCodes.Status201Created);
    }

    private static async Task<IResult> RecordAsync(HttpContext http, IJurisdictionLocator locator, IGrainFactory grains, IQuerySession session)
    {
        var (body, problem) = await RequestBody.ReadAsync<RecordActivityRequest>(http);
        if (problem is not null)
            return problem;
        var r = body!;
        if (string.IsNullOrWhiteSpace(r.Title))
            return RequestBody.Missing("title", "活动名称");
        if (r.Title.Trim().Length > MaxTextLength)
            return ProblemResults.Problem(400, "title", $"The title is longer than {MaxTextLength} characters.", $"活动名称超过 {MaxTextLength} 个字符。");
        if (r.Series?.Trim().Length > MaxTextLength)
            return ProblemResults.Problem(400, "series", $"The series is longer than {MaxTextLength} characters.", $"系列活动名称超过 {MaxTextLength} 个字符。");
        if (r.SpaceKind is null)
            return RequestBody.Missing("spaceKind", "场地类型");
        if (SpaceKinds.Find(r.SpaceKind) is null)
            return ProblemResults.Problem(400, "spaceKind",
                $"Unknown space kind '{r.SpaceKind}'; one of {string.Join(", ", SpaceKinds.All.Select(s => s.Code))}.",
                $"场地类型无效，可选：{string.Join("、", SpaceKinds.All.Select(s => $"{s.Code}（{s.NameZh}）"))}。");
        if (string.IsNullOrWhiteSpace(r.SpaceName))
            return RequestBody.Missing("spaceName", "活动场地");
        if (r.SpaceName.Trim().Length > MaxTextLength)
            return ProblemResults.Problem(400, "spaceName", $"The space name is longer than {MaxTextLength} characters.", $"场地名称超过 {MaxTextLength} 个字符。");
        if (r.Lon is not { } lon)
            return RequestBody.Missing("lon", "经度");
        if (r.Lat is not { } lat)
            return RequestBody.Missing("lat", "纬度");
        if (PlaceChecks.NotInChina(lon, lat) is { } bad)
            return bad;
        if (r.HeldOn is not { } heldOn)
            return RequestBody.Missing("heldOn", "活动日期");
        if (heldOn > DateOnly.FromDateTime(DateTime.Today))
            return ProblemResults.Problem(400, "heldOn", "Only activities already held are recorded; the date lies in the future.", "只登记已举办的活动，活动日期晚于今天。");
        if (r.Participants is not { } participants)
            return RequestBody.Missing("participants", "参与人次");
        if (participants is < 0 or > MaxParticipants)
            return ProblemResults.Problem(400, "participants", $"Participants (person-times) are between 0 and {MaxParticipants}.", $"参与人次须在 0 至 {MaxParticipants} 之间。");
        if (r.GroupId is { } groupId && await session.LoadAsync<GroupView>(groupId, http.RequestAborted) is null)
            return ProblemResults.Problem(400, "groupId", $"No group {groupId} is registered.", "找不到该团队。");

        var id = Guid.NewGuid();
        var command = new RecordActivity(r.Title.Trim(), r.GroupId, string.IsNullOrWhiteSpace(r.Series) ? null : r.Series.Trim(),
            r.SpaceKind, r.SpaceName.Trim(), lon, lat, heldOn, participants);
        var result = await grains.GetGrain<IActivityGrain>(id).RecordAsync(command, http.User.ToCommandContext("登记社区活动", http.TraceIdentifier));
        if (result.Rejection is { } rejection)
            return rejection.ToProblem();
        var activity = (await session.LoadAsync<ActivityView>(id, http.RequestAborted))!;
        return Results.Created($"/api/scenes/vitality/activities/{id}", (await AnswersAsync([activity], session, locator, http.RequestAborted))[0]);
    }

    public static async Task<IReadOnlyList<ActivityAnswer>> AnswersAsync(IReadOnlyList<ActivityView> activities, IQuerySession session, IJurisdictionLocator locator, CancellationToken ct)
    {
        var communities = await locator.CommunitiesOfAsync(activities.Select(a => (a.Lon, a.Lat)).ToList(), DateOnly.FromDateTime(DateTime.Today), ct);
        var groupIds = activities.Where(a => a.GroupId is not null).Select(a => a.GroupId!.Value).Distinct().ToArray();
        var groups = groupIds.Length == 0 ? [] : (await session.LoadManyAsync<GroupView>(ct, groupIds)).ToDictionary(g => g.Id, g => g.Name);
        return activities.Select((a, i) =>
        {
            var kind = SpaceKinds.Find(a.SpaceKind);
            return new ActivityAnswer(a.Id, a.Title, a.GroupId, a.GroupId is { } g ? groups.GetValueOrDefault(g) : null, a.Series,
                a.SpaceKind, kind?.NameZh, kind?.NameEn, a.SpaceName, a.Lon, a.Lat, a.HeldOn, a.Participants, communities[i]?.Code, communities[i]?.Name,
                a.Scheduled, a.VenueId, a.Start?.ToOffset(TimeSpan.FromHours(8)), a.End?.ToOffset(TimeSpan.FromHours(8)), a.Capacity, a.Confirmed.Count, a.Waiting.Count);
        }).ToList();
    }
}
