using System.Security.Cryptography;
using Platform.Abstractions.Commands;

namespace Platform.Plugins.Vitality.Activities;

// A namespaced grain type: Orleans would otherwise name it after the class, which another plugin may share.
[GrainType("vitality.activity")]
internal sealed class ActivityGrain(EventWriter writer) : Grain, IActivityGrain
{
    public Task<CommandResult> RecordAsync(RecordActivity command, CommandContext context) =>
        writer.WriteAsync<ActivityView>(this.GetPrimaryKey(), context, activity =>
            activity is not null ? Outcome.Refuse(409, "id", "This activity is already recorded.", "该活动已登记。")
            : SpaceKinds.Find(command.SpaceKind) is null ? Outcome.Refuse(400, "spaceKind", $"Unknown space kind '{command.SpaceKind}'.", "场地类型无效。")
            : command.Participants < 0 ? Outcome.Refuse(400, "participants", "The number of participants is negative.", "参与人次不能为负数。")
            : Outcome.Append(new ActivityHeld(command.Title, command.GroupId, command.Series, command.SpaceKind, command.SpaceName,
                command.Lon, command.Lat, command.HeldOn, command.Participants)).At(command.Lon, command.Lat, "lon"));

    public Task<CommandResult> ScheduleAsync(ScheduleActivity c, CommandContext context) =>
        writer.WriteAsync<ActivityView>(this.GetPrimaryKey(), context, activity =>
            activity is not null ? Outcome.Refuse(409, "id", "This activity is already scheduled.", "该活动已存在。")
            : ActivitySeries.Find(c.Series) is null ? Outcome.Refuse(400, "series", $"Unknown series '{c.Series}'.", "系列活动无效。")
            : c.Capacity < 1 ? Outcome.Refuse(400, "capacity", "The capacity is at least 1.", "活动名额至少为 1。")
            : Outcome.Append(new ActivityScheduled(c.Title, c.GroupId, c.Series, c.VenueId, c.BookingId, c.SpaceKind, c.SpaceName, c.Lon, c.Lat,
                c.Start, c.End, c.HeldOn, c.Capacity, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant())).At(c.Lon, c.Lat, "venueId"));

    public Task<CommandResult> SignUpAsync(string person, CommandContext context) =>
        writer.WriteAsync<ActivityView>(this.GetPrimaryKey(), context, a =>
            a is not { Scheduled: true } ? NotScheduled
            : a.Confirmed.Contains(person) ? Outcome.Refuse(409, "person", "You are already signed up for this activity.", "您已报名该活动。")
            : a.Waiting.Contains(person) ? Outcome.Refuse(409, "person", "You are already on the waiting list of this activity.", "您已在该活动的候补名单中。")
            : Outcome.Append(new ResidentSignedUp(person, Waiting: a.Confirmed.Count >= a.Capacity)), WriteAccess.Participation);

    public Task<CommandResult> CancelSignUpAsync(string person, CommandContext context) =>
        writer.WriteAsync<ActivityView>(this.GetPrimaryKey(), context, a =>
        {
            if (a is not { Scheduled: true })
                return NotScheduled;
            if (a.CheckedIn.Contains(person))
                return Outcome.Refuse(409, "person", "You checked in already; the sign-up stands.", "您已签到，不能取消报名。");
            if (a.Waiting.Contains(person))
                return Outcome.Append(new SignUpCancelled(person));
            if (!a.Confirmed.Contains(person))
                return Outcome.Refuse(409, "person", "You are not signed up for this activity.", "您未报名该活动。");
            // The freed place goes to the first in line, in the same write: the activity is never over capacity, nor a place left empty.
            return a.Waiting.Count > 0 && a.Confirmed.Count <= a.Capacity
                ? Outcome.Append(new SignUpCancelled(person), new WaitingPromoted(a.Waiting[0]))
                : Outcome.Append(new SignUpCancelled(person));
        }, WriteAccess.Participation);

    public Task<CommandResult> CheckInAsync(string person, string? token, bool byStaff, CommandContext context) =>
        writer.WriteAsync<ActivityView>(this.GetPrimaryKey(), context, a =>
            a is not { Scheduled: true } ? NotScheduled
            : !byStaff && !string.Equals(token, a.CheckInToken, StringComparison.Ordinal)
                ? Outcome.Refuse(400, "token", "The check-in code is not this activity's; scan the QR code at the door.", "签到码无效，请扫描活动现场的二维码。")
            : a.Waiting.Contains(person) ? Outcome.Refuse(409, "person", "On the waiting list, without a place: not signed up for this activity.", "仍在候补名单中，未获得名额，不能签到。")
            : !a.Confirmed.Contains(person) ? Outcome.Refuse(409, "person", "Not signed up for this activity: only residents with a place check in.", "未报名该活动，不能签到。")
            : a.CheckedIn.Contains(person) ? Outcome.Refuse(409, "person", "Already checked in.", "已签到。")
            : Outcome.Append(new ResidentCheckedIn(person, DateTimeOffset.UtcNow, byStaff)), WriteAccess.Participation);

    public Task<CommandResult> RecordAttendanceAsync(IReadOnlyList<string> signUps, IReadOnlyList<string> checkIns, CommandContext context) =>
        writer.WriteAsync<ActivityView>(this.GetPrimaryKey(), context, a =>
        {
            if (a is not { Scheduled: true })
                return NotScheduled;
            var confirmed = new List<string>(a.Confirmed);
            var waiting = new List<string>(a.Waiting);
            var events = new List<object>();
            foreach (var person in signUps)
            {
                if (confirmed.Contains(person) || waiting.Contains(person))
                    return Outcome.Refuse(409, "person", $"{person} is already signed up.", "重复报名。");
                var full = confirmed.Count >= a.Capacity;
                (full ? waiting : confirmed).Add(person);
                events.Add(new ResidentSignedUp(person, full));
            }
            var came = new HashSet<string>(a.CheckedIn);
            foreach (var person in checkIns)
            {
                if (!confirmed.Contains(person) || !came.Add(person))
                    return Outcome.Refuse(409, "person", $"{person} holds no place or checked in already.", "未获得名额或已签到。");
                events.Add(new ResidentCheckedIn(person, a.End ?? DateTimeOffset.UtcNow, true));
            }
            return Outcome.Append(events);
        });

    private static Outcome NotScheduled => Outcome.Refuse(404, "id", "No scheduled activity has this id.", "找不到该预约活动。");
}
