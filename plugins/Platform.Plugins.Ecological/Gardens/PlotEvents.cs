using Platform.Abstractions.Security;

namespace Platform.Plugins.Ecological.Gardens;

/// <summary>A plot was laid out in a garden: number, boundary (WKT, EPSG:4490), area in m² (Gauss–Krüger plane), <c>grid</c> or <c>hand</c>.</summary>
public sealed record PlotLaidOut(Guid GardenId, string Number, string BoundaryWkt, double AreaSquareMetres, string Layout);

/// <summary>A household claimed the plot for a season. <see cref="Source"/>: <c>claim</c> (first come), <c>lottery</c>, <c>offer</c> (waiting list).</summary>
public sealed record PlotClaimed(Guid GardenId, string Season, [property: PersonalData] Guid HouseholdId, string Source, Guid? RoundId, DateTimeOffset At);

/// <summary>The holder gave the plot back for the season.</summary>
public sealed record PlotReleased(string Season, [property: PersonalData] Guid HouseholdId, DateTimeOffset At);

/// <summary>Staff moved the season's tenancy from one household to another.</summary>
public sealed record PlotTransferred(string Season, [property: PersonalData] Guid FromHouseholdId, [property: PersonalData] Guid ToHouseholdId, DateTimeOffset At);

/// <summary>The holder of a season kept the plot for a later season (续租).</summary>
public sealed record PlotRenewed(string FromSeason, string ToSeason, [property: PersonalData] Guid HouseholdId, DateTimeOffset At);

/// <summary>The plot was offered to the first household of the waiting list, to accept before <see cref="Deadline"/>.</summary>
public sealed record PlotOffered(string Season, [property: PersonalData] Guid HouseholdId, DateTimeOffset Deadline);

/// <summary>The household the plot was offered to declined it, or let the deadline pass (<see cref="Expired"/>).</summary>
public sealed record PlotOfferLapsed(string Season, [property: PersonalData] Guid HouseholdId, bool Expired, DateTimeOffset At);

/// <summary>The plot was reserved for a lottery round.</summary>
public sealed record PlotReserved(Guid RoundId, string Season);

/// <summary>A lottery round's reservation ended without allotting the plot.</summary>
public sealed record PlotReservationLifted(Guid RoundId, string Season);
