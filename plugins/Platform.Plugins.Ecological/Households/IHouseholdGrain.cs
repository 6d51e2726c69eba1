using Platform.Abstractions.Commands;

namespace Platform.Plugins.Ecological.Households;

/// <summary>
/// The single writer of a household's stream, and the guard of "one plot per household per season": every plot
/// grain asks it to hold the season before it appends a claim, so two plots cannot both go to one household.
/// </summary>
public interface IHouseholdGrain : IGrainWithGuidKey
{
    Task<CommandResult> RegisterAsync(RegisterHousehold command, CommandContext context);

    /// <summary>Holds <paramref name="season"/> for <paramref name="plotId"/>; a rejection (404 unknown household, 409 holds another plot) otherwise.</summary>
    Task<Rejection?> HoldAsync(string season, Guid plotId);

    /// <summary>Gives the season back (the plot was released, transferred away, or its claim failed).</summary>
    Task LetGoAsync(string season, Guid plotId);

    Task<HouseholdStanding> StandingAsync(string season);
}

/// <summary>What a household may do next: whether it is registered, and the plot it holds in a season, if any.</summary>
[GenerateSerializer, Immutable]
public sealed record HouseholdStanding([property: Id(0)] bool Registered, [property: Id(1)] Guid? PlotId);

/// <summary>Register a household (报名). Householder and contact are personal data.</summary>
[GenerateSerializer, Immutable]
public sealed record RegisterHousehold(
    [property: Id(0)] string Householder,
    [property: Id(1)] string Compound,
    [property: Id(2)] string? CompoundId,
    [property: Id(3)] string Contact,
    [property: Id(4)] int? Members);
