namespace Platform.Plugins.Vitality.Venues;

/// <summary>
/// A shared space (共享空间) was registered for booking: a room of a service hub, a ground-floor space (架空层), a square, at
/// (<paramref name="Lon"/>, <paramref name="Lat"/>) in EPSG:4490. Opening hours are wall-clock times in Asia/Shanghai.
/// </summary>
public sealed record VenueRegistered(
    string Name,
    string Kind,
    string? Hub,
    double Lon,
    double Lat,
    int Capacity,
    TimeOnly Opens,
    TimeOnly Closes,
    int MaxBookingMinutes,
    bool ApprovalRequired,
    string[] Equipment,
    string? PhotoUrl,
    string? Description);

/// <summary>
/// The venue was booked from <paramref name="Start"/> to <paramref name="End"/>; <paramref name="Pending"/> while the venue's
/// approval is outstanding. Occurrences of one recurring booking share <paramref name="SeriesId"/>.
/// </summary>
public sealed record VenueBooked(
    Guid BookingId,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Purpose,
    Guid? GroupId,
    Guid? SeriesId,
    string BookedBy,
    bool Pending);

/// <summary>A pending booking was approved.</summary>
public sealed record VenueBookingApproved(Guid BookingId);

/// <summary>A booking was cancelled (by its booker or staff, or declined instead of approved); its time is free again.</summary>
public sealed record VenueBookingCancelled(Guid BookingId, string? Reason);

/// <summary>
/// The venue's week: on each day of <see cref="OpeningWindow.Days"/> (1 = Monday … 7 = Sunday) it is open from
/// <see cref="OpeningWindow.Opens"/> to <see cref="OpeningWindow.Closes"/> (Asia/Shanghai); a day of no window is closed.
/// Replaces the registration's one daily window. Bookings accepted before stay (they were within the hours of their time).
/// </summary>
public sealed record VenueHoursSet(OpeningWindow[] Week);

/// <summary>One opening window of a venue's week.</summary>
[GenerateSerializer, Immutable]
public sealed record OpeningWindow([property: Id(0)] int[] Days, [property: Id(1)] TimeOnly Opens, [property: Id(2)] TimeOnly Closes);

/// <summary>
/// A photo of the venue (JPEG or PNG, its EXIF/XMP removed: see <c>PhotosAreImagesWithoutTheirLocationRule</c>) replaced
/// the one before; the event carries the image, served at <c>/venues/{id}/photos/{PhotoId}</c>.
/// </summary>
public sealed record VenuePhotoAttached(Guid PhotoId, string ContentType, byte[] Data);
