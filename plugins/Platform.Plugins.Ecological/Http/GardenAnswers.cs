using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Abstractions.Security;
using Platform.Plugins.Ecological.Gardens;

namespace Platform.Plugins.Ecological.Http;

// What the garden and plot endpoints answer, named so that /openapi/v1.json describes each answer.

/// <summary>What anyone may see of a garden: its layout, seasons and how many plots are free — no household, no contact.</summary>
/// <param name="Geometry">The garden's boundary (GeoJSON, EPSG:4490) on the garden's own page; null in the list.</param>
internal sealed record GardenSummary(
    Guid Id, string Name, string Kind, string KindZh, CommunityName Community, double AreaSquareMetres, string Layout,
    double? TargetPlotSquareMetres, double PathWidthMetres, double AcceptOfferHours, IReadOnlyList<SeasonTerm> Seasons,
    string? CurrentSeason, int Plots, double PlotSquareMetres, PlotCounts PlotsByStatus, JsonElement? Geometry);

/// <summary>A community by code and name (null when the place lies in none).</summary>
internal sealed record CommunityName(string? Code, string? Name);

/// <summary>How many plots are in each status in the current season.</summary>
internal sealed record PlotCounts(int Free, int Claimed, int Offered, int Reserved);

/// <summary>A plot's public attributes in a season: no household, no contact.</summary>
/// <param name="Status">free, claimed, offered or reserved.</param>
/// <param name="OfferDeadline">Until when the household it was offered to may accept (offered plots only).</param>
internal sealed record PublicPlot(Guid GardenId, string Number, double AreaSquareMetres, string Layout, string Season, string Status, string StatusZh,
    DateTimeOffset? OfferDeadline);

/// <summary>A garden's plots in a season as a GeoJSON FeatureCollection (with the garden and season as foreign members).</summary>
internal sealed record PlotCollection(string Type, Guid GardenId, string Season, IReadOnlyList<PlotFeature> Features);

/// <summary>One plot as a GeoJSON Feature.</summary>
internal sealed record PlotFeature(string Type, Guid Id, JsonElement Geometry, PublicPlot Properties);

/// <summary>A plot with its status in every season of its garden.</summary>
internal sealed record PlotDetail(Guid Id, string GardenName, PublicPlot Properties, IReadOnlyList<PlotSeasonStatus> Seasons, JsonElement Geometry);

/// <summary>A plot's status in one season.</summary>
internal sealed record PlotSeasonStatus(string Season, string Status);

/// <summary>A plot added to a garden by hand: its number and area.</summary>
internal sealed record AddedPlot(Guid Id, string? Number, double? AreaSquareMetres);

/// <summary>A household's place on a garden's waiting list.</summary>
internal sealed record WaitingPosition(Guid GardenId, string Season, Guid HouseholdId, int Position);

/// <summary>
/// A garden's waiting list in a season: its length for anyone; the households in order, with householder and contact,
/// for staff only (<see cref="Entries"/> is left out for others).
/// </summary>
internal sealed record WaitingList(Guid GardenId, string Season, int Length,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<WaitingListEntry>? Entries);

/// <summary>One household waiting (staff only).</summary>
internal sealed record WaitingListEntry(int Position, Guid HouseholdId, [property: PersonalData] string? Householder, string? Compound, [property: PersonalData] string? Contact);

/// <summary>Who holds a plot in a season (staff only): the household, how it came to hold it (claim, lottery, offer, renewal, transfer), since when.</summary>
internal sealed record PlotTenancy(Guid PlotId, string Number, double AreaSquareMetres, Guid HouseholdId, [property: PersonalData] string? Householder, string? Compound,
    [property: PersonalData] string? Contact, string Source, DateTimeOffset Since);

/// <summary>How many offers lapsed (and passed to the next household waiting).</summary>
internal sealed record SweepAnswer(int Lapsed);

/// <summary>A plot a household now holds for a season (a claim, an accepted offer).</summary>
internal sealed record ClaimAnswer(Guid PlotId, string Number, Guid HouseholdId, string Season, double? AreaSquareMetres, string Status);

/// <summary>A plot released, and whether it was offered on to the next household waiting.</summary>
internal sealed record ReleaseAnswer(Guid PlotId, string Season, bool Released, bool OfferedToWaitingList);

/// <summary>An offer declined, and whether the plot was offered on to the next household waiting.</summary>
internal sealed record DeclineAnswer(Guid PlotId, bool Declined, bool OfferedToWaitingList);

/// <summary>A tenancy renewed from one season into the next.</summary>
internal sealed record RenewalAnswer(Guid PlotId, string Number, Guid HouseholdId, string FromSeason, string Season);

/// <summary>A season's tenancy moved from one household to another by staff.</summary>
internal sealed record TransferAnswer(Guid PlotId, string Number, string Season, Guid FromHouseholdId, Guid ToHouseholdId);
