using Platform.Abstractions.Commands;

namespace Platform.Plugins.Vitality.Activities;

/// <summary>
/// The single writer of an activity's stream: its record or schedule, and every sign-up, cancellation, promotion from the
/// waiting list and check-in, so that the places taken never exceed the capacity.
/// </summary>
public interface IActivityGrain : IGrainWithGuidKey
{
    Task<CommandResult> RecordAsync(RecordActivity command, CommandContext context);

    Task<CommandResult> ScheduleAsync(ScheduleActivity command, CommandContext context);

    /// <summary>Signs <paramref name="person"/> up: a place while there is one, else the end of the waiting list.</summary>
    Task<CommandResult> SignUpAsync(string person, CommandContext context);

    /// <summary>Withdraws <paramref name="person"/>'s sign-up; a freed place goes to the first on the waiting list.</summary>
    Task<CommandResult> CancelSignUpAsync(string person, CommandContext context);

    /// <summary>
    /// Records that <paramref name="person"/>, who holds a place, came. A resident checking themselves in gives the door's
    /// <paramref name="token"/>; staff recording at the door give none (<paramref name="byStaff"/>).
    /// </summary>
    Task<CommandResult> CheckInAsync(string person, string? token, bool byStaff, CommandContext context);

    /// <summary>
    /// Records, in one write, what a register kept on paper shows: <paramref name="signUps"/> in the order they came (places
    /// first, then the waiting list) and the staff-recorded <paramref name="checkIns"/>, under the same rules one by one.
    /// </summary>
    Task<CommandResult> RecordAttendanceAsync(IReadOnlyList<string> signUps, IReadOnlyList<string> checkIns, CommandContext context);
}

/// <summary>Record an activity that was held (validated by the endpoint).</summary>
[GenerateSerializer, Immutable]
public sealed record RecordActivity(
    [property: Id(0)] string Title,
    [property: Id(1)] Guid? GroupId,
    [property: Id(2)] string? Series,
    [property: Id(3)] string SpaceKind,
    [property: Id(4)] string SpaceName,
    [property: Id(5)] double Lon,
    [property: Id(6)] double Lat,
    [property: Id(7)] DateOnly HeldOn,
    [property: Id(8)] int Participants);

/// <summary>Schedule an activity in a booking of a venue (the endpoint checked the booking and the venue).</summary>
[GenerateSerializer, Immutable]
public sealed record ScheduleActivity(
    [property: Id(0)] string Title,
    [property: Id(1)] Guid? GroupId,
    [property: Id(2)] string Series,
    [property: Id(3)] Guid VenueId,
    [property: Id(4)] Guid BookingId,
    [property: Id(5)] string SpaceKind,
    [property: Id(6)] string SpaceName,
    [property: Id(7)] double Lon,
    [property: Id(8)] double Lat,
    [property: Id(9)] DateTimeOffset Start,
    [property: Id(10)] DateTimeOffset End,
    [property: Id(11)] DateOnly HeldOn,
    [property: Id(12)] int Capacity);
