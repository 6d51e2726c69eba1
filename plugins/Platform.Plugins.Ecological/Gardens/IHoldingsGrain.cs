using Platform.Abstractions.Commands;

namespace Platform.Plugins.Ecological.Gardens;

/// <summary>
/// The guard of "one plot per household per season", one per household: every plot grain asks it to hold the
/// season before it appends a claim, so two plots cannot both go to one household. It belongs to the gardens,
/// not to the household's registration: a household is registered once, the plots it holds change every season.
/// </summary>
public interface IHoldingsGrain : IGrainWithGuidKey
{
    /// <summary>Holds <paramref name="season"/> for <paramref name="plotId"/>; a rejection (404 unknown household, 409 holds another plot) otherwise.</summary>
    Task<Rejection?> HoldAsync(string season, Guid plotId);

    /// <summary>Gives the season back (the plot was released, transferred away, or its claim failed).</summary>
    Task LetGoAsync(string season, Guid plotId);

    Task<HouseholdStanding> StandingAsync(string season);
}

/// <summary>What a household may do next: whether it is registered, and the plot it holds in a season, if any.</summary>
[GenerateSerializer, Immutable]
public sealed record HouseholdStanding([property: Id(0)] bool Registered, [property: Id(1)] Guid? PlotId);
