using Platform.Abstractions.Commands;

namespace Platform.Plugins.Vitality.Venues;

/// <summary>
/// The single writer of a venue's stream: registration and every booking, so that two overlapping bookings can never both
/// be accepted (Orleans runs one call of a grain at a time, and each decision reads the committed bookings).
/// </summary>
public interface IVenueGrain : IGrainWithGuidKey
{
    Task<CommandResult> RegisterAsync(RegisterVenue command, CommandContext context);

    Task<CommandResult> BookAsync(BookVenue command, CommandContext context);

    Task<CommandResult> ApproveAsync(Guid bookingId, CommandContext context);

    Task<CommandResult> CancelAsync(Guid bookingId, bool wholeSeries, string? reason, CommandContext context);

    /// <summary>Sets the opening windows of the week (validated by the endpoint: days 1–7 at most once, each window opens before it closes).</summary>
    Task<CommandResult> SetHoursAsync(OpeningWindow[] week, CommandContext context);

    /// <summary>Replaces the venue's photo (the bytes as uploaded; the grain checks them and removes their metadata).</summary>
    Task<CommandResult> AttachPhotoAsync(byte[] data, CommandContext context);
}

/// <summary>Register a venue (validated by the endpoint).</summary>
[GenerateSerializer, Immutable]
public sealed record RegisterVenue(
    [property: Id(0)] string Name,
    [property: Id(1)] string Kind,
    [property: Id(2)] string? Hub,
    [property: Id(3)] double Lon,
    [property: Id(4)] double Lat,
    [property: Id(5)] int Capacity,
    [property: Id(6)] TimeOnly Opens,
    [property: Id(7)] TimeOnly Closes,
    [property: Id(8)] int MaxBookingMinutes,
    [property: Id(9)] bool ApprovalRequired,
    [property: Id(10)] string[] Equipment,
    [property: Id(11)] string? PhotoUrl,
    [property: Id(12)] string? Description);

/// <summary>One occurrence of a booking: its id and time.</summary>
[GenerateSerializer, Immutable]
public sealed record Occurrence([property: Id(0)] Guid BookingId, [property: Id(1)] DateTimeOffset Start, [property: Id(2)] DateTimeOffset End);

/// <summary>
/// Book the venue for one or more occurrences (a recurring booking for a series): all are accepted or none.
/// <paramref name="MayApprove"/> is true when the booker may approve bookings themselves (administrators).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BookVenue(
    [property: Id(0)] IReadOnlyList<Occurrence> Occurrences,
    [property: Id(1)] string Purpose,
    [property: Id(2)] Guid? GroupId,
    [property: Id(3)] Guid? SeriesId,
    [property: Id(4)] string BookedBy,
    [property: Id(5)] bool MayApprove);
