using Platform.Abstractions.Commands;

namespace Platform.Plugins.Ecological.Gardens;

/// <summary>
/// The single writer of a plot's stream. Orleans runs one call at a time per grain, so of any number of
/// concurrent claims exactly one finds the plot free. Seasons are checked against the garden by the caller.
/// </summary>
public interface IPlotGrain : IGrainWithGuidKey
{
    /// <summary>First come, first served; or accepting an offer made to this household.</summary>
    Task<CommandResult> ClaimAsync(Guid householdId, string season, CommandContext context);

    /// <summary>Allots a plot reserved for <paramref name="roundId"/> to a winner of its draw.</summary>
    Task<CommandResult> AssignAsync(Guid householdId, string season, Guid roundId, CommandContext context);

    Task<CommandResult> ReleaseAsync(Guid householdId, string season, CommandContext context);

    Task<CommandResult> TransferAsync(Guid fromHouseholdId, Guid toHouseholdId, string season, CommandContext context);

    Task<CommandResult> RenewAsync(Guid householdId, string fromSeason, string toSeason, CommandContext context);

    Task<CommandResult> OfferAsync(Guid householdId, string season, DateTimeOffset deadline, CommandContext context);

    /// <summary>The offered household says no (<paramref name="householdId"/> set), or the deadline has passed (null).</summary>
    Task<CommandResult> LapseOfferAsync(Guid? householdId, CommandContext context);

    Task<CommandResult> ReserveAsync(Guid roundId, string season, CommandContext context);

    Task<CommandResult> LiftReservationAsync(Guid roundId, CommandContext context);
}
