using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Security;
using Platform.Plugins.Vitality.Activities;
using Platform.Plugins.Vitality.Groups;
using Platform.Plugins.Vitality.Time;
using Platform.Plugins.Vitality.Venues;
using QRCoder;

// The programme ties the features together: an activity is scheduled in a venue's booking, residents sign up and check in.
namespace Platform.Plugins.Vitality.Programme;

/// <summary>
/// <c>POST /activities/scheduled</c>: an activity of a series (<see cref="ActivitySeries"/>, code or Chinese name) in a confirmed
/// booking of a venue, organised by a group (<c>groupId</c>) or the community, for <c>capacity</c> residents (at most the venue's).
/// </summary>
public sealed record ScheduleActivityRequest(string? Title, string? Series, Guid? GroupId, Guid? VenueId, Guid? BookingId, int? Capacity);

/// <summary><c>POST /activities/{id}/checkins</c>: a resident gives the door's <c>token</c> (from the QR code); staff give the <c>person</c> they record.</summary>
public sealed record CheckInRequest(string? Token, string? Person);

/// <summary>The caller's sign-up: <c>confirmed</c> (a place) or <c>waiting</c> (position on the waiting list, 1 = next).</summary>
public sealed record SignUpAnswer(Guid ActivityId, string Status, int? Position, bool CheckedIn, long Version);

/// <summary>The caller's sign-ups, with each activity's title and time.</summary>
public sealed record MySignUp(Guid ActivityId, string Title, DateTimeOffset? Start, DateTimeOffset? End, string SpaceName, string Status, int? Position, bool CheckedIn);

/// <summary>Who signed up, waits and came (staff only: personal data).</summary>
public sealed record SignUpList(Guid ActivityId, int Capacity, IReadOnlyList<string> Confirmed, IReadOnlyList<string> Waiting, IReadOnlyList<string> CheckedIn);

/// <summary>The door's check-in address (what the QR code encodes) for staff to show or print.</summary>
public sealed record CheckInCode(Guid ActivityId, string Url, string Token);

/// <summary>Person-times (人次, check-ins; reported participants for activities recorded afterwards) by community, series and month.</summary>
public sealed record PersonTimesRow(string? CommunityCode, string? CommunityName, string? Series, string Month, int Activities, int PersonTimes);

/// <summary>Person-times of a year, with its rows.</summary>
public sealed record PersonTimesAnswer(int Year, int Activities, int PersonTimes, IReadOnlyList<PersonTimesRow> Rows);

internal static class ProgrammeEndpoints
{
    public const int MaxTextLength = 100;

    /// <summary>Taking part (sign-up, check-in): residents for themselves, workers and administrators too. Planners and developers read only.</summary>
    public static void Participate(AuthorizationPolicyBuilder policy) =>
        policy.RequireRole(PlatformRoles.Administrator, PlatformRoles.Worker, PlatformRoles.Resident);

    public static void MapProgrammeEndpoints(this IEndpointRouteBuilder scene)
    {
        scene.MapPost("/activities/scheduled", ScheduleAsync).WithRequestBody<ScheduleActivityRequest>().RequireAuthorization(PlatformPolicies.EditCommunityData)
            .ProducesWrite(StatusCodes.Status201Created);

        scene.MapPost("/activities/{id:guid}/signups", async (Guid id, HttpContext http, IGrainFactory grains, IQuerySession session) =>
        {
            if (await session.LoadAsync<ActivityView>(id, http.RequestAborted) is not { Scheduled: true } activity)
                return Unknown();
            if (activity.Start <= DateTimeOffset.UtcNow)
                return ProblemResults.Problem(409, "id", "The activity has begun; sign-up is closed.", "活动已开始，报名已截止。");
            var person = http.User.UserName();
            var result = await grains.GetGrain<IActivityGrain>(id).SignUpAsync(person, http.User.ToCommandContext("活动报名", http.TraceIdentifier));
            if (result.Rejection is { } r)
                return r.ToProblem();
            return Results.Created($"/api/scenes/vitality/activities/{id}", await MineAsync(id, person, result.Version, session, http.RequestAborted));
        }).RequireAuthorization(Participate).Produces<SignUpAnswer>(StatusCodes.Status201Created);

        scene.MapPost("/activities/{id:guid}/signups/cancel", async (Guid id, HttpContext http, IGrainFactory grains) =>
            (await grains.GetGrain<IActivityGrain>(id).CancelSignUpAsync(http.User.UserName(), http.User.ToCommandContext("取消活动报名", http.TraceIdentifier))).Answer(id))
            .RequireAuthorization(Participate).ProducesWrite();

        scene.MapGet("/activities/mine", async (HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            var me = http.User.UserName();
            var mine = (await session.Query<ActivityView>().Where(a => a.Start != null).ToListAsync(ct))
                .Where(a => a.Confirmed.Contains(me) || a.Waiting.Contains(me)).OrderBy(a => a.Start).ToList();
            return Results.Ok(mine.Select(a => new MySignUp(a.Id, a.Title, a.Start.Map(ShanghaiTime.Local), a.End.Map(ShanghaiTime.Local), a.SpaceName,
                a.Confirmed.Contains(me) ? "confirmed" : "waiting", a.Waiting.Contains(me) ? a.Waiting.IndexOf(me) + 1 : null, a.CheckedIn.Contains(me))).ToList());
        }).RequireAuthorization(PlatformPolicies.SignedIn).Produces<List<MySignUp>>();

        scene.MapGet("/activities/{id:guid}/signups", async (Guid id, IQuerySession session, CancellationToken ct) =>
            await session.LoadAsync<ActivityView>(id, ct) is { Scheduled: true } a
                ? Results.Ok(new SignUpList(a.Id, a.Capacity ?? 0, a.Confirmed, a.Waiting, a.CheckedIn))
                : Unknown()).RequireAuthorization(PlatformPolicies.Staff).Produces<SignUpList>();

        scene.MapPost("/activities/{id:guid}/checkins", CheckInAsync).WithRequestBody<CheckInRequest>().RequireAuthorization(Participate)
            .ProducesWrite(StatusCodes.Status201Created);

        scene.MapGet("/activities/{id:guid}/checkin", async (Guid id, HttpContext http, IQuerySession session, IJurisdictionLocator locator) =>
        {
            var (code, problem) = await DoorAsync(id, http, session, locator);
            return problem ?? Results.Ok(code);
        })
            .RequireAuthorization(PlatformPolicies.EditCommunityData).Produces<CheckInCode>();

        scene.MapGet("/activities/{id:guid}/checkin.png", async (Guid id, HttpContext http, IQuerySession session, IJurisdictionLocator locator) =>
        {
            var (code, problem) = await DoorAsync(id, http, session, locator);
            if (problem is not null)
                return problem;
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(code!.Url, QRCodeGenerator.ECCLevel.M);
            return Results.File(new PngByteQRCode(data).GetGraphic(8), "image/png");
        }).RequireAuthorization(PlatformPolicies.EditCommunityData).Produces(StatusCodes.Status200OK, typeof(byte[]), "image/png");

        scene.MapGet("/person-times", async (int? year, IQuerySession session, IJurisdictionLocator locator, CancellationToken ct) =>
        {
            var y = year ?? DateTime.Today.Year;
            if (y is < 2000 or > 2100)
                return ProblemResults.Problem(400, "year", "The year is between 2000 and 2100.", "年份须在 2000 至 2100 之间。");
            return Results.Ok(await PersonTimes.OfYearAsync(y, null, session, locator, ct));
        }).Produces<PersonTimesAnswer>();
    }

    private static async Task<IResult> ScheduleAsync(HttpContext http, IGrainFactory grains, IQuerySession session)
    {
        var (body, problem) = await RequestBody.ReadAsync<ScheduleActivityRequest>(http);
        if (problem is not null)
            return problem;
        var r = body!;
        if (string.IsNullOrWhiteSpace(r.Title))
            return RequestBody.Missing("title", "活动名称");
        if (r.Title.Trim().Length > MaxTextLength)
            return ProblemResults.Problem(400, "title", $"The title is longer than {MaxTextLength} characters.", $"活动名称超过 {MaxTextLength} 个字符。");
        if (r.Series is null)
            return RequestBody.Missing("series", "系列活动");
        if (ActivitySeries.Find(r.Series) is not { } series)
            return ProblemResults.Problem(400, "series", $"Unknown series '{r.Series}'; one of {string.Join(", ", ActivitySeries.All.Select(s => s.Code))}.",
                $"系列活动无效，可选：{string.Join("、", ActivitySeries.All.Select(s => s.NameZh))}。");
        if (r.VenueId is not { } venueId)
            return RequestBody.Missing("venueId", "活动场地");
        if (r.BookingId is not { } bookingId)
            return RequestBody.Missing("bookingId", "场地预约");
        if (r.Capacity is not { } capacity)
            return RequestBody.Missing("capacity", "活动名额");
        var ct = http.RequestAborted;
        if (await session.LoadAsync<VenueView>(venueId, ct) is not { } venue)
            return ProblemResults.Problem(400, "venueId", $"No venue {venueId} is registered.", "找不到该场地。");
        if (venue.Bookings.Find(b => b.Id == bookingId) is not { } booking)
            return ProblemResults.Problem(400, "bookingId", "The venue has no such booking.", "该场地没有这项预约。");
        if (booking.Status != BookingStatuses.Confirmed)
            return ProblemResults.Problem(409, "bookingId", $"The booking is {booking.Status}; an activity needs a confirmed booking.", $"该预约{BookingStatuses.Zh(booking.Status)}，活动须使用已确认的预约。");
        if (capacity < 1 || capacity > venue.Capacity)
            return ProblemResults.Problem(400, "capacity", $"The capacity is between 1 and the venue's {venue.Capacity}.", $"活动名额须在 1 至场地容量 {venue.Capacity} 之间。");
        if (r.GroupId is { } groupId && await session.LoadAsync<GroupView>(groupId, ct) is null)
            return ProblemResults.Problem(400, "groupId", $"No group {groupId} is registered.", "找不到该团队。");
        if (await session.Query<ActivityView>().AnyAsync(a => a.BookingId == bookingId, ct))
            return ProblemResults.Problem(409, "bookingId", "Another activity already uses this booking.", "该预约已安排了其他活动。");

        var id = Guid.NewGuid();
        var command = new ScheduleActivity(r.Title.Trim(), r.GroupId, series.NameZh, venue.Id, booking.Id, venue.Kind, venue.Name, venue.Lon, venue.Lat,
            booking.Start, booking.End, ShanghaiTime.DateOf(booking.Start), capacity);
        return (await grains.GetGrain<IActivityGrain>(id).ScheduleAsync(command, http.User.ToCommandContext("安排社区活动", http.TraceIdentifier)))
            .AnswerCreated(id, $"/api/scenes/vitality/activities/{id}");
    }

    private static async Task<IResult> CheckInAsync(Guid id, HttpContext http, IGrainFactory grains, IQuerySession session, IJurisdictionLocator locator)
    {
        var (body, problem) = await RequestBody.ReadAsync<CheckInRequest>(http);
        if (problem is not null)
            return problem;
        if (await session.LoadAsync<ActivityView>(id, http.RequestAborted) is not { Scheduled: true } activity)
            return Unknown();
        var byStaff = !string.IsNullOrWhiteSpace(body!.Person);
        if (byStaff)
        {
            if (body.Person!.Length > 50)
                return ProblemResults.Problem(400, "person", "The name is longer than 50 characters.", "姓名超过 50 个字符。");
            if (await PlaceChecks.MayEditAtAsync(http, locator, activity.Lon, activity.Lat, "person") is { } denied)
                return denied;
        }
        else if (string.IsNullOrWhiteSpace(body.Token))
            return RequestBody.Missing("token", "签到码");
        else if (body.Token.Length > 64)
            return ProblemResults.Problem(400, "token", "The check-in code is not this activity's.", "签到码无效。");
        var person = byStaff ? body.Person!.Trim() : http.User.UserName();
        var result = await grains.GetGrain<IActivityGrain>(id).CheckInAsync(person, body.Token, byStaff, http.User.ToCommandContext("活动签到", http.TraceIdentifier));
        return result.AnswerCreated(id, $"/api/scenes/vitality/activities/{id}");
    }

    private static async Task<(CheckInCode? Code, IResult? Problem)> DoorAsync(Guid id, HttpContext http, IQuerySession session, IJurisdictionLocator locator)
    {
        if (await session.LoadAsync<ActivityView>(id, http.RequestAborted) is not { Scheduled: true } activity)
            return (null, Unknown());
        if (await PlaceChecks.MayEditAtAsync(http, locator, activity.Lon, activity.Lat, "id") is { } denied)
            return (null, denied);
        var url = $"{http.Request.Scheme}://{http.Request.Host}/activities.html?checkin={id}&token={activity.CheckInToken}";
        return (new CheckInCode(id, url, activity.CheckInToken!), null);
    }

    private static async Task<SignUpAnswer> MineAsync(Guid id, string person, long version, IQuerySession session, CancellationToken ct)
    {
        var a = (await session.LoadAsync<ActivityView>(id, ct))!;
        var waiting = a.Waiting.IndexOf(person);
        return new SignUpAnswer(id, waiting >= 0 ? "waiting" : "confirmed", waiting >= 0 ? waiting + 1 : null, a.CheckedIn.Contains(person), version);
    }

    private static TOut? Map<TOut>(this DateTimeOffset? value, Func<DateTimeOffset, TOut> f) where TOut : struct => value is { } v ? f(v) : null;

    private static IResult Unknown() => ProblemResults.Problem(404, "id", "No scheduled activity has this id.", "找不到该预约活动。");
}

/// <summary>Person-times (人次) by community, series and month: check-ins of scheduled activities, reported participants of recorded ones.</summary>
internal static class PersonTimes
{
    public static async Task<PersonTimesAnswer> OfYearAsync(int year, string? community, IQuerySession session, IJurisdictionLocator locator, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var activities = await session.Query<ActivityView>().Where(a => a.HeldOn >= from && a.HeldOn <= to).ToListAsync(ct);
        var asOf = to < DateOnly.FromDateTime(DateTime.Today) ? to : DateOnly.FromDateTime(DateTime.Today);
        var units = await locator.CommunitiesOfAsync(activities.Select(a => (a.Lon, a.Lat)).ToList(), asOf, ct);
        var placed = activities.Select((a, i) => (Activity: a, Unit: units[i])).Where(x => community is null || x.Unit?.Code == community).ToList();
        var rows = placed.GroupBy(x => (x.Unit?.Code, x.Unit?.Name, x.Activity.Series, Month: x.Activity.HeldOn.ToString("yyyy-MM", CultureInfo.InvariantCulture)))
            .OrderBy(g => g.Key.Code ?? "\uffff", StringComparer.Ordinal).ThenBy(g => g.Key.Series ?? "\uffff", StringComparer.Ordinal).ThenBy(g => g.Key.Month, StringComparer.Ordinal)
            .Select(g => new PersonTimesRow(g.Key.Code, g.Key.Name, g.Key.Series, g.Key.Month, g.Count(), g.Sum(x => x.Activity.Participants)))
            .ToList();
        return new PersonTimesAnswer(year, placed.Count, placed.Sum(x => x.Activity.Participants), rows);
    }
}
