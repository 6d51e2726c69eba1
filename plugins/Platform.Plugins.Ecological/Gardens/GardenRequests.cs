using System.Text.Json;

namespace Platform.Plugins.Ecological.Gardens;

/// <summary>
/// <c>POST /gardens</c>: a site (GeoJSON Polygon/MultiPolygon, EPSG:4490) of kind <c>edible</c> or <c>green</c>, either
/// subdivided into a grid (<c>targetPlotSquareMetres</c>, <c>pathWidthMetres</c> default 1, <c>minPlotFraction</c>
/// default 0.5) or into hand-drawn <c>plots</c>; season terms (default: the current calendar year); hours to accept
/// an offer from the waiting list (default 72).
/// </summary>
public sealed record CreateGardenRequest(
    string? Name,
    string? Kind,
    JsonElement? Geometry,
    double? TargetPlotSquareMetres,
    double? PathWidthMetres,
    double? MinPlotFraction,
    List<JsonElement>? Plots,
    List<SeasonInput>? Seasons,
    double? AcceptOfferHours);

/// <summary>A season term as sent: <c>{"season":"2026","startsOn":"2026-03-01","endsOn":"2027-02-28"}</c>.</summary>
public sealed record SeasonInput(string? Season, DateOnly? StartsOn, DateOnly? EndsOn);

/// <summary><c>POST /gardens/{id}/plots</c>: one hand-drawn plot.</summary>
public sealed record AddPlotRequest(JsonElement? Geometry);

/// <summary><c>POST /gardens/{id}/waiting-list</c>.</summary>
public sealed record JoinWaitingListRequest(Guid? HouseholdId, string? Season);
