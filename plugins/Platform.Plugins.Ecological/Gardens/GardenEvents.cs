using Platform.Abstractions.Security;

namespace Platform.Plugins.Ecological.Gardens;

/// <summary>A season term of a garden: plots are held for one season (<c>2026</c>) from <see cref="StartsOn"/> to <see cref="EndsOn"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record SeasonTerm(
    [property: Id(0)] string Season,
    [property: Id(1)] DateOnly StartsOn,
    [property: Id(2)] DateOnly EndsOn);

/// <summary>
/// A garden site was laid out: its boundary (WKT, EPSG:4490), kind (<c>edible</c> 菜园 or <c>green</c> 绿地),
/// how it was subdivided (<c>grid</c> with target plot size and path width, or <c>hand</c>-drawn plots),
/// and the community it lay in when laid out (null when the jurisdiction did not know the place).
/// The plots themselves are started as streams of their own in the same transaction (<see cref="PlotLaidOut"/>).
/// </summary>
public sealed record GardenLaidOut(
    string Name,
    string Kind,
    string BoundaryWkt,
    double AreaSquareMetres,
    string Layout,
    double? TargetPlotSquareMetres,
    double PathWidthMetres,
    double AcceptOfferHours,
    string? CommunityCode,
    string? CommunityName,
    IReadOnlyList<SeasonTerm> Seasons);

/// <summary>A season term was added to a garden (renewals and claims for it become possible).</summary>
public sealed record SeasonOpened(SeasonTerm Term);

/// <summary>A hand-drawn plot was added to an existing garden (its stream starts with <see cref="PlotLaidOut"/>).</summary>
public sealed record PlotAdded(Guid PlotId);

/// <summary>A household joined the garden's waiting list for a season, behind everyone already on it.</summary>
public sealed record WaitingListJoined(string Season, [property: PersonalData] Guid HouseholdId);

/// <summary>A household left the waiting list: <c>offered</c> a plot, <c>ineligible</c> (holds a plot this season) or <c>withdrawn</c>.</summary>
public sealed record WaitingListLeft(string Season, [property: PersonalData] Guid HouseholdId, string Reason, Guid? PlotId);

/// <summary>The plots a garden was subdivided into when laid out, in number order.</summary>
public sealed record GardenPlotsLaidOut(IReadOnlyList<Guid> PlotIds);
