using Platform.Abstractions.Commands;

namespace Platform.Plugins.Ecological.Households;

/// <summary>The single writer of a household's stream (its registration, 报名).</summary>
public interface IHouseholdGrain : IGrainWithGuidKey
{
    Task<CommandResult> RegisterAsync(RegisterHousehold command, CommandContext context);
}

/// <summary>Register a household (报名). Householder and contact are personal data.</summary>
[GenerateSerializer, Immutable]
public sealed record RegisterHousehold(
    [property: Id(0)] string Householder,
    [property: Id(1)] string Compound,
    [property: Id(2)] string? CompoundId,
    [property: Id(3)] string Contact,
    [property: Id(4)] int? Members);
