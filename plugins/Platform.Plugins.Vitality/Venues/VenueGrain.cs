using System.Globalization;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Media;
using Platform.Plugins.Vitality.Time;

namespace Platform.Plugins.Vitality.Venues;

// A namespaced grain type: Orleans would otherwise name it after the class, which another plugin may share.
[GrainType("vitality.venue")]
internal sealed class VenueGrain(EventWriter writer) : Grain, IVenueGrain
{
    public Task<CommandResult> RegisterAsync(RegisterVenue c, CommandContext context) =>
        writer.WriteAsync<VenueView>(this.GetPrimaryKey(), context, venue =>
            venue is not null ? Outcome.Refuse(409, "id", "This venue is already registered.", "该场地已登记。")
            : c.Closes <= c.Opens ? Outcome.Refuse(400, "closes", "The venue closes before it opens.", "闭馆时间早于开放时间。")
            : Outcome.Append(new VenueRegistered(c.Name, c.Kind, c.Hub, c.Lon, c.Lat, c.Capacity, c.Opens, c.Closes, c.MaxBookingMinutes,
                c.ApprovalRequired, c.Equipment, c.PhotoUrl, c.Description)).At(c.Lon, c.Lat, "lon"));

    public Task<CommandResult> BookAsync(BookVenue command, CommandContext context) =>
        writer.WriteAsync<VenueView>(this.GetPrimaryKey(), context, venue =>
        {
            if (venue is null)
                return Outcome.Refuse(404, "id", "No venue is registered under this id.", "找不到该场地。");
            if (command.Occurrences.Count == 0)
                return Outcome.Refuse(400, "start", "The booking has no occurrence.", "预约没有任何时段。");
            var accepted = new List<Occurrence>();
            foreach (var o in command.Occurrences)
            {
                if (BookingRules.Refusal(venue, o, accepted) is { } refused)
                    return refused;
                accepted.Add(o);
            }
            var pending = venue.ApprovalRequired && !command.MayApprove;
            return Outcome.Append(command.Occurrences.Select(o => (object)new VenueBooked(o.BookingId, o.Start, o.End, command.Purpose, command.GroupId,
                command.SeriesId, command.BookedBy, pending)));
        });

    public Task<CommandResult> ApproveAsync(Guid bookingId, CommandContext context) =>
        writer.WriteAsync<VenueView>(this.GetPrimaryKey(), context, venue =>
            venue?.Bookings.Find(b => b.Id == bookingId) is not { } booking ? Outcome.Refuse(404, "bookingId", "The venue has no such booking.", "该场地没有这项预约。")
            : booking.Status == BookingStatuses.Confirmed ? Outcome.Unchanged
            : booking.Status == BookingStatuses.Cancelled ? Outcome.Refuse(409, "bookingId", "The booking was cancelled.", "该预约已取消。")
            : Outcome.Append(new VenueBookingApproved(bookingId)));

    public Task<CommandResult> CancelAsync(Guid bookingId, bool wholeSeries, string? reason, CommandContext context) =>
        writer.WriteAsync<VenueView>(this.GetPrimaryKey(), context, venue =>
        {
            if (venue?.Bookings.Find(b => b.Id == bookingId) is not { } booking)
                return Outcome.Refuse(404, "bookingId", "The venue has no such booking.", "该场地没有这项预约。");
            if (booking.Status == BookingStatuses.Cancelled)
                return Outcome.Refuse(409, "bookingId", "The booking is already cancelled.", "该预约已取消。");
            // A series is cancelled from this occurrence on: earlier ones took place.
            var cancelled = wholeSeries && booking.SeriesId is { } series
                ? venue.Holding.Where(b => b.SeriesId == series && b.Start >= booking.Start).ToList()
                : [booking];
            return Outcome.Append(cancelled.Select(b => (object)new VenueBookingCancelled(b.Id, reason)));
        });

    public Task<CommandResult> SetHoursAsync(OpeningWindow[] week, CommandContext context) =>
        writer.WriteAsync<VenueView>(this.GetPrimaryKey(), context, venue =>
            venue is null ? Outcome.Refuse(404, "id", "No venue is registered under this id.", "找不到该场地。")
            : venue.Week.Count == week.Length && venue.Week.Zip(week).All(p => p.First.Opens == p.Second.Opens && p.First.Closes == p.Second.Closes
                && p.First.Days.SequenceEqual(p.Second.Days)) ? Outcome.Unchanged
            : Outcome.Append(new VenueHoursSet(week)));

    public Task<CommandResult> AttachPhotoAsync(byte[] data, CommandContext context) =>
        writer.WriteAsync<VenueView>(this.GetPrimaryKey(), context, venue =>
        {
            if (venue is null)
                return Outcome.Refuse(404, "id", "No venue is registered under this id.", "找不到该场地。");
            var (clean, type, reason, reasonZh) = PhotosAreImagesWithoutTheirLocationRule.Check(data);
            return clean is null ? Outcome.Refuse(400, "photo", reason!, reasonZh!) : Outcome.Append(new VenuePhotoAttached(Guid.NewGuid(), type!, clean));
        });
}

/// <summary>What a booking must satisfy: a time within the opening hours of one day, not too long, overlapping no held booking.</summary>
internal static class BookingRules
{
    public static Outcome? Refusal(VenueView venue, Occurrence o, IReadOnlyList<Occurrence> sameRequest)
    {
        var when = $"{ShanghaiTime.Local(o.Start):yyyy-MM-dd HH:mm}";
        if (o.End <= o.Start)
            return Outcome.Refuse(400, "end", $"The booking of {when} ends before it starts.", $"{when} 的预约结束时间不晚于开始时间。");
        if ((o.End - o.Start).TotalMinutes > venue.MaxBookingMinutes)
            return Outcome.Refuse(400, "end", $"A booking of {venue.Name} lasts at most {venue.MaxBookingMinutes} minutes.",
                $"{venue.Name}单次预约最长 {venue.MaxBookingMinutes} 分钟。");
        var start = ShanghaiTime.Local(o.Start);
        var end = ShanghaiTime.Local(o.End);
        if (venue.HoursOn(DateOnly.FromDateTime(start.DateTime)) is not { } hours)
            return Outcome.Refuse(400, "start", $"{venue.Name} is closed on {start:yyyy-MM-dd} ({start.DayOfWeek}); its hours: {OpeningHours.En(venue)}.",
                $"{venue.Name}{start:yyyy-MM-dd}（{OpeningHours.DayZh(start.DayOfWeek)}）不开放，开放时间：{OpeningHours.Zh(venue)}。");
        var open = $"{hours.Opens.ToString("HH:mm", CultureInfo.InvariantCulture)}–{hours.Closes.ToString("HH:mm", CultureInfo.InvariantCulture)}";
        if (start.Date != end.Date || TimeOnly.FromDateTime(start.DateTime) < hours.Opens || TimeOnly.FromDateTime(end.DateTime) > hours.Closes)
            return Outcome.Refuse(400, "start", $"{venue.Name} is open {open} on that day (Asia/Shanghai); the booking of {when} lies outside.",
                $"{venue.Name}当日开放时间为 {open}（北京时间），{when} 的预约超出开放时间。");
        if (venue.Holding.FirstOrDefault(b => b.Overlaps(o.Start, o.End)) is { } taken)
            return Outcome.Refuse(409, "start",
                $"The time {when} overlaps booking {taken.Id} ({taken.Purpose}, {Span(taken)}).",
                $"{when} 与已有预约 {taken.Id}（{taken.Purpose}，{Span(taken)}）时间冲突。");
        if (sameRequest.FirstOrDefault(x => x.Start < o.End && o.Start < x.End) is { } twice)
            return Outcome.Refuse(400, "repeat", $"Two occurrences of the request overlap ({when}).", $"本次预约的两个时段相互重叠（{when}）。");
        return null;
    }

    private static string Span(Booking b) =>
        $"{ShanghaiTime.Local(b.Start):yyyy-MM-dd HH:mm}–{ShanghaiTime.Local(b.End):HH:mm}";
}
