using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Jurisdiction;
using Platform.Plugins.Vitality.Activities;
using Platform.Plugins.Vitality.Time;
using Platform.Plugins.Vitality.Venues;

namespace Platform.Plugins.Vitality.Feeds;

/// <summary>
/// <c>GET /calendar.ics?community={code}</c> or <c>?venue={id}</c>: an iCalendar (RFC 5545) feed that phones subscribe to — the
/// scheduled activities (and, for a venue, its confirmed bookings) with times in Asia/Shanghai (TZID with its VTIMEZONE).
/// Anonymous, so it carries titles, places and series only: no sign-ups, no bookers, no check-in codes.
/// </summary>
internal static class CalendarFeed
{
    public static void MapCalendarFeed(this IEndpointRouteBuilder scene) =>
        scene.MapGet("/calendar.ics", async (string? community, Guid? venue, HttpContext http, IQuerySession session, IJurisdictionLocator locator, CancellationToken ct) =>
        {
            if ((community is null) == (venue is null))
                return ProblemResults.Problem(400, "community", "Give either 'community' (a community code) or 'venue' (a venue id).", "请指定社区编码（community）或场地编号（venue）之一。");
            var activities = await session.Query<ActivityView>().Where(a => a.Start != null).ToListAsync(ct);
            VenueView? place = null;
            string name;
            if (venue is { } venueId)
            {
                place = await session.LoadAsync<VenueView>(venueId, ct);
                if (place is null)
                    return ProblemResults.Problem(404, "venue", "No venue is registered under this id.", "找不到该场地。");
                activities = activities.Where(a => a.VenueId == venueId).ToList();
                name = $"{place.Name} 活动日历";
            }
            else
            {
                var unit = (await locator.CommunitiesAsync(ShanghaiTime.DateOf(DateTimeOffset.UtcNow), ct)).FirstOrDefault(c => c.Code == community);
                if (unit is null)
                    return ProblemResults.Problem(404, "community", $"No community has the code '{community}'.", "找不到该社区。");
                var units = await locator.CommunitiesOfAsync(activities.Select(a => (a.Lon, a.Lat)).ToList(), ShanghaiTime.DateOf(DateTimeOffset.UtcNow), ct);
                activities = activities.Where((a, i) => units[i]?.Code == community).ToList();
                name = $"{unit.Name} 社区活动";
            }
            return Results.Text(Serialize(name, activities, place, http.Request.Host.Host), "text/calendar; charset=utf-8");
        }).Produces(StatusCodes.Status200OK, typeof(string), "text/calendar");

    private static string Serialize(string name, IReadOnlyList<ActivityView> activities, VenueView? venue, string host)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Community Development Platform//Vitality scene//ZH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", ShanghaiTime.ZoneId);
        calendar.AddTimeZone(new VTimeZone(ShanghaiTime.ZoneId));
        foreach (var a in activities.OrderBy(a => a.Start))
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"activity-{a.Id}@{host}",
                Summary = a.Title,
                Description = string.IsNullOrEmpty(a.Series) ? null : $"系列活动：{a.Series}；名额 {a.Capacity}",
                Location = a.SpaceName,
                DtStart = Local(a.Start!.Value),
                DtEnd = Local(a.End!.Value),
                Categories = string.IsNullOrEmpty(a.Series) ? [] : [a.Series],
            });
        }
        if (venue is not null)
        {
            var used = activities.Select(a => a.BookingId).ToHashSet();
            foreach (var b in venue.Bookings.Where(b => b.Status == BookingStatuses.Confirmed && !used.Contains(b.Id)).OrderBy(b => b.Start))
            {
                calendar.Events.Add(new CalendarEvent
                {
                    Uid = $"booking-{b.Id}@{host}",
                    Summary = $"场地已预约：{b.Purpose}",
                    Location = venue.Name,
                    DtStart = Local(b.Start),
                    DtEnd = Local(b.End),
                });
            }
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalDateTime Local(DateTimeOffset instant) =>
        new(DateTime.SpecifyKind(ShanghaiTime.Local(instant).DateTime, DateTimeKind.Unspecified), ShanghaiTime.ZoneId);
}
