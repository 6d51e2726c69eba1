using Platform.Abstractions.Commands;

namespace Platform.Plugins.Ecological.Gardens;

/// <summary>
/// The single writer of a garden's stream: layout, season terms, waiting lists and lottery rounds. It calls plot and
/// household grains; they never call it, so no call cycle can deadlock.
/// </summary>
public interface IGardenGrain : IGrainWithGuidKey
{
    Task<CommandResult> LayOutAsync(LayOutGarden command, CommandContext context);

    Task<CommandResult> AddPlotAsync(Guid plotId, string boundaryWkt, CommandContext context);

    Task<CommandResult> OpenSeasonAsync(SeasonTerm term, CommandContext context);

    Task<CommandResult> JoinWaitingListAsync(Guid householdId, string season, CommandContext context);

    Task<CommandResult> OpenLotteryAsync(Guid roundId, string season, IReadOnlyList<Guid> plotIds, CommandContext context);

    Task<CommandResult> EnterLotteryAsync(Guid roundId, Guid householdId, CommandContext context);

    /// <summary>Draws a round with <paramref name="seed"/>, or a fresh random seed when null; the seed is recorded.</summary>
    Task<CommandResult> DrawLotteryAsync(Guid roundId, ulong? seed, CommandContext context);

    /// <summary>Offers a plot that became free to the first eligible household waiting for that season; answers who got the offer.</summary>
    Task<Guid?> OfferFreedPlotAsync(Guid plotId, string season, CommandContext context);

    /// <summary>A household gives a plot back; the plot is then offered to the first eligible household on the season's waiting list.</summary>
    Task<PlotFreed> ReleasePlotAsync(Guid plotId, Guid householdId, string season, CommandContext context);

    /// <summary>A household declines the plot offered to it; the plot goes to the next eligible household on the waiting list.</summary>
    Task<PlotFreed> DeclineOfferAsync(Guid plotId, Guid householdId, CommandContext context);

    /// <summary>Lapses offers whose deadline has passed and offers those plots on; answers how many lapsed.</summary>
    Task<int> SweepExpiredOffersAsync(CommandContext context);
}

/// <summary>
/// Lay out a garden. <see cref="Layout"/> <c>grid</c>: subdivide into squares of <see cref="TargetPlotSquareMetres"/>
/// with <see cref="PathWidthMetres"/> paths, keeping clipped pieces of at least <see cref="MinPlotFraction"/> of the
/// target; <c>hand</c>: the given plot boundaries (WKT, EPSG:4490).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record LayOutGarden(
    [property: Id(0)] string Name,
    [property: Id(1)] string Kind,
    [property: Id(2)] string BoundaryWkt,
    [property: Id(3)] string Layout,
    [property: Id(4)] double? TargetPlotSquareMetres,
    [property: Id(5)] double PathWidthMetres,
    [property: Id(6)] double MinPlotFraction,
    [property: Id(7)] IReadOnlyList<string> HandDrawnPlotWkts,
    [property: Id(8)] IReadOnlyList<SeasonTerm> Seasons,
    [property: Id(9)] double AcceptOfferHours,
    [property: Id(10)] string? CommunityCode,
    [property: Id(11)] string? CommunityName);

/// <summary>The outcome of freeing a plot: refused, or done and offered on to a waiting household (or to none).</summary>
[GenerateSerializer, Immutable]
public sealed record PlotFreed([property: Id(0)] Rejection? Rejection, [property: Id(1)] Guid? OfferedTo);
