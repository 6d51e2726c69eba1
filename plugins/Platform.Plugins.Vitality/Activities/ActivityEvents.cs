using Platform.Abstractions.Security;

namespace Platform.Plugins.Vitality.Activities;

/// <summary>
/// An activity was planned in a booked venue (<paramref name="VenueId"/>, booking <paramref name="BookingId"/>) from
/// <paramref name="Start"/> to <paramref name="End"/>, for at most <paramref name="Capacity"/> residents; part of
/// <paramref name="Series"/> (<see cref="ActivitySeries"/>), organised by a group or, without one, the community. Residents
/// check in at the door with <paramref name="CheckInToken"/>, which the QR code there carries.
/// </summary>
public sealed record ActivityScheduled(
    string Title,
    Guid? GroupId,
    string Series,
    Guid VenueId,
    Guid BookingId,
    string SpaceKind,
    string SpaceName,
    double Lon,
    double Lat,
    DateTimeOffset Start,
    DateTimeOffset End,
    DateOnly HeldOn,
    int Capacity,
    string CheckInToken);

/// <summary>A resident signed up: with a place, or on the waiting list when the activity was full.</summary>
public sealed record ResidentSignedUp([property: PersonalData] string Person, bool Waiting);

/// <summary>A resident withdrew their sign-up (a place or a waiting-list position).</summary>
public sealed record SignUpCancelled([property: PersonalData] string Person);

/// <summary>The first on the waiting list got the place a cancellation freed.</summary>
public sealed record WaitingPromoted([property: PersonalData] string Person);

/// <summary>A signed-up resident checked in at the door: one person-time (人次).</summary>
public sealed record ResidentCheckedIn([property: PersonalData] string Person, DateTimeOffset At, bool ByStaff);
