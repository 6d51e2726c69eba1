using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Media;
using Platform.Abstractions.Security;
using Platform.Plugins.Vitality.Activities;
using Platform.Plugins.Vitality.Time;

namespace Platform.Plugins.Vitality.Venues;

/// <summary>
/// <c>POST /venues</c>: a shared space — name, kind (<see cref="SpaceKinds"/>), the service hub it belongs to, place
/// (<c>lon</c>/<c>lat</c>, EPSG:4490), capacity, opening hours (<c>HH:mm</c>, Asia/Shanghai), longest booking in minutes,
/// whether bookings need approval, equipment, a photo URL.
/// </summary>
public sealed record RegisterVenueRequest(
    string? Name, string? Kind, string? Hub, double? Lon, double? Lat, int? Capacity, string? Opens, string? Closes, int? MaxBookingMinutes,
    bool? ApprovalRequired, string[]? Equipment, string? PhotoUrl, string? Description);

/// <summary>One window of <c>PUT /venues/{id}/opening-hours</c>: days 1 (Monday) to 7 (Sunday), <c>HH:mm</c> Asia/Shanghai.</summary>
public sealed record OpeningWindowRequest(int[]? Days, string? Opens, string? Closes);

/// <summary><c>PUT /venues/{id}/opening-hours</c>: the week's windows; a day in none of them is closed; each day in at most one.</summary>
public sealed record OpeningHoursRequest(OpeningWindowRequest[]? Week);

/// <summary>A window of the week in answers.</summary>
public sealed record OpeningWindowAnswer(IReadOnlyList<int> Days, string Opens, string Closes);

/// <summary>Repeat a booking: <c>weekly</c> or <c>daily</c>, <c>count</c> occurrences in all (2–52).</summary>
public sealed record RepeatRequest(string? Frequency, int? Count);

/// <summary>
/// <c>POST /venues/{id}/bookings</c>: <c>start</c> and <c>end</c> as ISO-8601 date-times with an offset, what for, the group
/// it is for (optional), and a repetition for a series (each occurrence checked; all booked or none).
/// </summary>
public sealed record BookVenueRequest(string? Start, string? End, string? Purpose, Guid? GroupId, RepeatRequest? Repeat);

/// <summary><c>POST /venues/{id}/bookings/{bookingId}/cancel</c>: optionally the rest of its series too.</summary>
public sealed record CancelBookingRequest(bool? WholeSeries, string? Reason);

/// <summary>A venue in answers, with its community today and how much of today is booked.</summary>
public sealed record VenueAnswer(
    Guid Id, string Name, string Kind, string? KindZh, string? Hub, double Lon, double Lat, string? CommunityCode, string? CommunityName,
    int Capacity, string Opens, string Closes, int MaxBookingMinutes, bool ApprovalRequired, IReadOnlyList<string> Equipment, string? PhotoUrl,
    string? Description, int BookingsToday, double OccupancyToday, bool OccupiedNow)
{
    /// <summary>The week's windows (empty: <see cref="Opens"/>–<see cref="Closes"/> every day).</summary>
    public IReadOnlyList<OpeningWindowAnswer> Week { get; init; } = [];

    /// <summary>The hours as people read them: 周一至周五 08:00–21:00；周六、周日 09:00–18:00.</summary>
    public string OpeningHoursZh { get; init; } = "";

    public string OpeningHours { get; init; } = "";

    /// <summary>Whether the venue is open today (Asia/Shanghai).</summary>
    public bool OpenToday { get; init; }
}

/// <summary>A booking in answers (who booked is not shown: only the purpose and the group).</summary>
public sealed record BookingAnswer(Guid Id, Guid VenueId, DateTimeOffset Start, DateTimeOffset End, string Purpose, Guid? GroupId, Guid? SeriesId,
    string Status, string StatusZh);

/// <summary>A venue with its bookings between <c>from</c> and <c>to</c>.</summary>
public sealed record VenueDetail(VenueAnswer Venue, IReadOnlyList<BookingAnswer> Bookings);

/// <summary>What a booking request answers: the bookings made (one per occurrence), their status, the venue's version.</summary>
public sealed record BookedAnswer(Guid VenueId, IReadOnlyList<Guid> BookingIds, Guid? SeriesId, string Status, long Version);

internal static class VenueEndpoints
{
    public const int MaxTextLength = 100;
    public const int MaxCapacity = 10_000;
    public const int MaxRepeat = 52;

    public static void MapVenueEndpoints(this IEndpointRouteBuilder scene)
    {
        scene.MapGet("/venues", async (string? community, string? kind, IQuerySession session, IJurisdictionLocator locator, CancellationToken ct) =>
        {
            if (kind is not null && SpaceKinds.Find(kind) is null)
                return ProblemResults.Problem(400, "kind", $"Unknown space kind '{kind}'.", "场地类型无效。");
            var venues = (await session.Query<VenueView>().ToListAsync(ct)).Where(v => kind is null || v.Kind == kind)
                .OrderBy(v => v.Hub ?? v.Name, StringComparer.Ordinal).ThenBy(v => v.Name, StringComparer.Ordinal).ToList();
            var answers = await AnswersAsync(venues, locator, ct);
            return Results.Ok(community is null ? answers : answers.Where(a => a.CommunityCode == community).ToList());
        }).Produces<List<VenueAnswer>>();

        scene.MapGet("/venues/{id:guid}", async (Guid id, DateOnly? from, DateOnly? to, IQuerySession session, IJurisdictionLocator locator, CancellationToken ct) =>
        {
            if (await session.LoadAsync<VenueView>(id, ct) is not { } venue)
                return UnknownVenue();
            var first = from ?? Today.AddDays(-7);
            var last = to ?? Today.AddDays(90);
            if (first > last)
                return ProblemResults.Problem(400, "from", "'from' lies after 'to'.", "开始日期晚于结束日期。");
            var bookings = venue.Bookings.Where(b => ShanghaiTime.DateOf(b.Start) >= first && ShanghaiTime.DateOf(b.Start) <= last)
                .OrderBy(b => b.Start).Select(b => Answer(venue.Id, b)).ToList();
            return Results.Ok(new VenueDetail((await AnswersAsync([venue], locator, ct))[0], bookings));
        }).Produces<VenueDetail>();

        scene.MapPost("/venues", RegisterAsync).WithRequestBody<RegisterVenueRequest>().RequireAuthorization(PlatformPolicies.EditCommunityData)
            .ProducesWrite(StatusCodes.Status201Created);

        scene.MapPost("/venues/{id:guid}/bookings", BookAsync).WithRequestBody<BookVenueRequest>().RequireAuthorization(PlatformPolicies.EditCommunityData)
            .Produces<BookedAnswer>(StatusCodes.Status201Created);

        scene.MapPost("/venues/{id:guid}/bookings/{bookingId:guid}/approve", async (Guid id, Guid bookingId, HttpContext http, IGrainFactory grains) =>
            (await grains.GetGrain<IVenueGrain>(id).ApproveAsync(bookingId, http.User.ToCommandContext("审批场地预约", http.TraceIdentifier))).Answer(bookingId))
            .RequireAuthorization(PlatformPolicies.Administer).ProducesWrite();

        scene.MapPut("/venues/{id:guid}/opening-hours", SetHoursAsync).WithRequestBody<OpeningHoursRequest>()
            .RequireAuthorization(PlatformPolicies.EditCommunityData).ProducesWrite();

        scene.MapPost("/venues/{id:guid}/photos", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (data, _, bad) = await PhotosAreImagesWithoutTheirLocationRule.ReadUploadAsync(http);
            if (bad is not null)
                return bad;
            return (await grains.GetGrain<IVenueGrain>(id).AttachPhotoAsync(data!, http.User.ToCommandContext("上传场地照片", http.TraceIdentifier))).Answer(id);
        }).RequireAuthorization(PlatformPolicies.EditCommunityData).DisableAntiforgery().ProducesWrite();

        scene.MapGet("/venues/{id:guid}/photos/{photoId:guid}", async (Guid id, Guid photoId, IQuerySession session, CancellationToken ct) =>
        {
            // The photo is the data of its event in the venue's stream (stored already without its metadata).
            var photo = (await session.Events.FetchStreamAsync(id, token: ct)).Select(e => e.Data).OfType<VenuePhotoAttached>().FirstOrDefault(p => p.PhotoId == photoId);
            return photo is null ? ProblemResults.Problem(404, "photoId", "No such photo.", "找不到该照片。") : Results.File(photo.Data, photo.ContentType);
        }).Produces(StatusCodes.Status200OK, typeof(byte[]), "image/jpeg", "image/png");

        scene.MapPost("/venues/{id:guid}/bookings/{bookingId:guid}/cancel", async (Guid id, Guid bookingId, HttpContext http, IGrainFactory grains) =>
        {
            CancelBookingRequest? body = null;
            if (http.Request.ContentLength is > 0)
            {
                var (read, problem) = await RequestBody.ReadAsync<CancelBookingRequest>(http);
                if (problem is not null)
                    return problem;
                body = read;
            }
            if (body?.Reason?.Length > MaxTextLength)
                return ProblemResults.Problem(400, "reason", $"The reason is longer than {MaxTextLength} characters.", $"取消原因超过 {MaxTextLength} 个字符。");
            return (await grains.GetGrain<IVenueGrain>(id).CancelAsync(bookingId, body?.WholeSeries ?? false, body?.Reason?.Trim(),
                http.User.ToCommandContext("取消场地预约", http.TraceIdentifier))).Answer(bookingId);
        }).WithRequestBody<CancelBookingRequest>().RequireAuthorization(PlatformPolicies.EditCommunityData).ProducesWrite();
    }

    private static async Task<IResult> SetHoursAsync(Guid id, HttpContext http, IGrainFactory grains)
    {
        var (body, problem) = await RequestBody.ReadAsync<OpeningHoursRequest>(http);
        if (problem is not null)
            return problem;
        if (body!.Week is not { } week)
            return RequestBody.Missing("week", "每周开放时段");
        if (week.Length > 7)
            return ProblemResults.Problem(400, "week", "A week has at most seven windows.", "每周最多 7 个开放时段。");
        var windows = new List<OpeningWindow>();
        var seen = new HashSet<int>();
        for (var i = 0; i < week.Length; i++)
        {
            var w = week[i];
            if (w?.Days is not { Length: > 0 } days)
                return RequestBody.Missing($"week[{i}].days", "开放日");
            foreach (var day in days)
            {
                if (day is < 1 or > 7)
                    return ProblemResults.Problem(400, $"week[{i}].days", $"A day is 1 (Monday) to 7 (Sunday), not {day}.", $"开放日须为 1（周一）至 7（周日），不能为 {day}。");
                if (!seen.Add(day))
                    return ProblemResults.Problem(400, $"week[{i}].days", $"Day {day} is in two windows.", $"{OpeningHoursDay(day)}出现在两个开放时段中。");
            }
            if (Clock(w.Opens, $"week[{i}].opens", "开放时间") is { Problem: { } opensProblem })
                return opensProblem;
            if (Clock(w.Closes, $"week[{i}].closes", "闭馆时间") is { Problem: { } closesProblem })
                return closesProblem;
            var opens = Clock(w.Opens, "", "").Value;
            var closes = Clock(w.Closes, "", "").Value;
            if (closes <= opens)
                return ProblemResults.Problem(400, $"week[{i}].closes", "The window closes before it opens.", "闭馆时间早于开放时间。");
            windows.Add(new OpeningWindow([.. days.Order()], opens, closes));
        }
        if (windows.Count == 0)
            return ProblemResults.Problem(400, "week", "A venue is open on at least one day of the week.", "每周至少须有一天开放。");
        return (await grains.GetGrain<IVenueGrain>(id).SetHoursAsync([.. windows.OrderBy(w => w.Days[0])],
            http.User.ToCommandContext("设置场地开放时间", http.TraceIdentifier))).Answer(id);
    }

    private static string OpeningHoursDay(int day) => OpeningHours.DayZh(day == 7 ? DayOfWeek.Sunday : (DayOfWeek)day);

    private static async Task<IResult> RegisterAsync(HttpContext http, IGrainFactory grains)
    {
        var (body, problem) = await RequestBody.ReadAsync<RegisterVenueRequest>(http);
        if (problem is not null)
            return problem;
        var r = body!;
        if (string.IsNullOrWhiteSpace(r.Name))
            return RequestBody.Missing("name", "场地名称");
        if (r.Name.Trim().Length > MaxTextLength)
            return TooLong("name", "场地名称");
        if (r.Kind is null)
            return RequestBody.Missing("kind", "场地类型");
        if (SpaceKinds.Find(r.Kind) is null)
            return ProblemResults.Problem(400, "kind", $"Unknown space kind '{r.Kind}'; one of {string.Join(", ", SpaceKinds.All.Select(s => s.Code))}.",
                $"场地类型无效，可选：{string.Join("、", SpaceKinds.All.Select(s => $"{s.Code}（{s.NameZh}）"))}。");
        if (r.Hub?.Trim().Length > MaxTextLength)
            return TooLong("hub", "所属综合体");
        if (r.Lon is not { } lon)
            return RequestBody.Missing("lon", "经度");
        if (r.Lat is not { } lat)
            return RequestBody.Missing("lat", "纬度");
        if (PlaceChecks.NotInChina(lon, lat) is { } bad)
            return bad;
        if (r.Capacity is not { } capacity)
            return RequestBody.Missing("capacity", "容纳人数");
        if (capacity is < 1 or > MaxCapacity)
            return ProblemResults.Problem(400, "capacity", $"The capacity is between 1 and {MaxCapacity}.", $"容纳人数须在 1 至 {MaxCapacity} 之间。");
        if (Clock(r.Opens, "opens", "开放时间") is { Problem: { } opensProblem })
            return opensProblem;
        if (Clock(r.Closes, "closes", "闭馆时间") is { Problem: { } closesProblem })
            return closesProblem;
        var opens = Clock(r.Opens, "opens", "开放时间").Value;
        var closes = Clock(r.Closes, "closes", "闭馆时间").Value;
        if (closes <= opens)
            return ProblemResults.Problem(400, "closes", "The venue closes before it opens.", "闭馆时间早于开放时间。");
        var max = r.MaxBookingMinutes ?? 240;
        if (max < 15 || max > (closes - opens).TotalMinutes)
            return ProblemResults.Problem(400, "maxBookingMinutes", "The longest booking is between 15 minutes and the opening hours of a day.",
                "单次预约时长上限须在 15 分钟至一天的开放时长之间。");
        var equipment = (r.Equipment ?? []).Select(e => e?.Trim() ?? "").ToArray();
        if (equipment.Length > 30 || equipment.Any(e => e.Length is 0 or > 50))
            return ProblemResults.Problem(400, "equipment", "Equipment is a list of at most 30 names of 1 to 50 characters.", "设施设备最多 30 项，每项 1 至 50 个字符。");
        if (r.PhotoUrl is { } photo && (photo.Length > 500 || !(photo.StartsWith('/') && !photo.StartsWith("//", StringComparison.Ordinal)
                || Uri.TryCreate(photo, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")))
            return ProblemResults.Problem(400, "photoUrl", "The photo is an http(s) URL or a path on this site.", "照片须为 http(s) 地址或本站路径。");
        if (r.Description?.Length > 1000)
            return TooLong("description", "场地说明");

        var id = Guid.NewGuid();
        var result = await grains.GetGrain<IVenueGrain>(id).RegisterAsync(new RegisterVenue(r.Name.Trim(), r.Kind, Blank(r.Hub), lon, lat, capacity, opens, closes, max,
            r.ApprovalRequired ?? false, equipment, r.PhotoUrl, Blank(r.Description)), http.User.ToCommandContext("登记共享空间", http.TraceIdentifier));
        return result.AnswerCreated(id, $"/api/scenes/vitality/venues/{id}");
    }

    private static async Task<IResult> BookAsync(Guid id, HttpContext http, IGrainFactory grains, IQuerySession session)
    {
        var (body, problem) = await RequestBody.ReadAsync<BookVenueRequest>(http);
        if (problem is not null)
            return problem;
        var r = body!;
        var (start, startProblem) = IsoInstant.Parse(r.Start, "start", "开始时间");
        if (startProblem is not null)
            return startProblem;
        var (end, endProblem) = IsoInstant.Parse(r.End, "end", "结束时间");
        if (endProblem is not null)
            return endProblem;
        if (end <= start)
            return ProblemResults.Problem(400, "end", "The booking ends before it starts.", "结束时间不晚于开始时间。");
        if (start < DateTimeOffset.UtcNow.AddMinutes(-5))
            return ProblemResults.Problem(400, "start", "The booking starts in the past.", "预约开始时间已过。");
        if (start > DateTimeOffset.UtcNow.AddYears(2))
            return ProblemResults.Problem(400, "start", "Bookings are taken up to two years ahead.", "最多可预约两年以内的时间。");
        if (string.IsNullOrWhiteSpace(r.Purpose))
            return RequestBody.Missing("purpose", "用途");
        if (r.Purpose.Trim().Length > MaxTextLength)
            return TooLong("purpose", "用途");
        var step = TimeSpan.Zero;
        var count = 1;
        if (r.Repeat is { } repeat)
        {
            step = repeat.Frequency switch { "weekly" => TimeSpan.FromDays(7), "daily" => TimeSpan.FromDays(1), _ => TimeSpan.Zero };
            if (step == TimeSpan.Zero)
                return ProblemResults.Problem(400, "repeat.frequency", "The repetition is 'weekly' or 'daily'.", "重复方式须为 weekly（每周）或 daily（每天）。");
            if (repeat.Count is not { } n || n < 2 || n > MaxRepeat)
                return ProblemResults.Problem(400, "repeat.count", $"A series has 2 to {MaxRepeat} occurrences.", $"系列预约须为 2 至 {MaxRepeat} 次。");
            count = n;
        }
        if (await session.LoadAsync<VenueView>(id, http.RequestAborted) is null)
            return UnknownVenue();
        if (r.GroupId is { } groupId && await session.LoadAsync<Groups.GroupView>(groupId, http.RequestAborted) is null)
            return ProblemResults.Problem(400, "groupId", $"No group {groupId} is registered.", "找不到该团队。");

        // Asia/Shanghai keeps +08:00 all year, so "the same time next week" is the same offset from the first instant.
        var occurrences = Enumerable.Range(0, count).Select(i => new Occurrence(Guid.NewGuid(), start + step * i, end + step * i)).ToList();
        var seriesId = count > 1 ? Guid.NewGuid() : (Guid?)null;
        var mayApprove = http.User.IsInRole(PlatformRoles.Administrator);
        var result = await grains.GetGrain<IVenueGrain>(id).BookAsync(new BookVenue(occurrences, r.Purpose.Trim(), r.GroupId, seriesId, http.User.UserName(), mayApprove),
            http.User.ToCommandContext("预约共享空间", http.TraceIdentifier));
        if (result.Rejection is { } rejection)
            return rejection.ToProblem();
        var venue = (await session.LoadAsync<VenueView>(id, http.RequestAborted))!;
        var status = venue.Bookings.Find(b => b.Id == occurrences[0].BookingId)?.Status ?? BookingStatuses.Confirmed;
        return Results.Created($"/api/scenes/vitality/venues/{id}", new BookedAnswer(id, occurrences.Select(o => o.BookingId).ToList(), seriesId, status, result.Version));
    }

    public static BookingAnswer Answer(Guid venueId, Booking b) =>
        new(b.Id, venueId, ShanghaiTime.Local(b.Start), ShanghaiTime.Local(b.End), b.Purpose, b.GroupId, b.SeriesId, b.Status, BookingStatuses.Zh(b.Status));

    public static async Task<IReadOnlyList<VenueAnswer>> AnswersAsync(IReadOnlyList<VenueView> venues, IJurisdictionLocator locator, CancellationToken ct)
    {
        var communities = await locator.CommunitiesOfAsync(venues.Select(v => (v.Lon, v.Lat)).ToList(), Today, ct);
        var now = DateTimeOffset.UtcNow;
        return venues.Select((v, i) =>
        {
            var (bookings, occupancy) = Occupancy.Of(v, ShanghaiTime.DateOf(now));
            return new VenueAnswer(v.Id, v.Name, v.Kind, SpaceKinds.Find(v.Kind)?.NameZh, v.Hub, v.Lon, v.Lat, communities[i]?.Code, communities[i]?.Name,
                v.Capacity, Hhmm(v.Opens), Hhmm(v.Closes), v.MaxBookingMinutes, v.ApprovalRequired, v.Equipment, v.PhotoUrl, v.Description,
                bookings, occupancy, v.Holding.Any(b => b.Start <= now && now < b.End))
            {
                Week = [.. v.Week.Select(w => new OpeningWindowAnswer(w.Days, Hhmm(w.Opens), Hhmm(w.Closes)))],
                OpeningHoursZh = OpeningHours.Zh(v),
                OpeningHours = OpeningHours.En(v),
                OpenToday = v.HoursOn(ShanghaiTime.DateOf(now)) is not null,
            };
        }).ToList();
    }

    private static (TimeOnly Value, IResult? Problem) Clock(string? text, string field, string zhName) =>
        text is null ? (default, RequestBody.Missing(field, zhName))
        : TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? (t, null)
        : (default, ProblemResults.Problem(400, field, $"'{field}' is a time of day as HH:mm (Asia/Shanghai).", $"“{zhName}”须为 HH:mm 格式的时间（北京时间）。"));

    private static string Hhmm(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static DateOnly Today => ShanghaiTime.DateOf(DateTimeOffset.UtcNow);

    private static IResult TooLong(string field, string zhName) =>
        ProblemResults.Problem(400, field, $"'{field}' is longer than allowed.", $"“{zhName}”超出长度限制。");

    public static IResult UnknownVenue() => ProblemResults.Problem(404, "id", "No venue is registered under this id.", "找不到该场地。");
}

/// <summary>How much of a day's opening hours a venue is booked (confirmed or pending), 0–1; 0 on a day it is closed.</summary>
internal static class Occupancy
{
    public static (int Bookings, double Share) Of(VenueView venue, DateOnly date)
    {
        if (venue.HoursOn(date) is not { } hours)
            return (0, 0);
        var open = ShanghaiTime.At(date, hours.Opens);
        var close = ShanghaiTime.At(date, hours.Closes);
        var day = venue.Holding.Where(b => b.Start < close && open < b.End).ToList();
        var minutes = day.Sum(b => (Min(b.End, close) - Max(b.Start, open)).TotalMinutes);
        var total = (close - open).TotalMinutes;
        return (day.Count, total <= 0 ? 0 : Math.Round(Math.Min(1, minutes / total), 3));
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
