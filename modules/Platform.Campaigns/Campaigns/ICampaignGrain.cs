using Platform.Abstractions.Commands;

namespace Platform.Campaigns.Campaigns;

[GenerateSerializer, Immutable]
public sealed record LaunchCampaign([property: Id(0)] string Name, [property: Id(1)] string Purpose, [property: Id(2)] DateOnly StartOn, [property: Id(3)] DateOnly? EndOn,
    [property: Id(4)] Guid[] Registers);

[GenerateSerializer, Immutable]
public sealed record AssignVisits([property: Id(0)] string Staff, [property: Id(1)] Guid[] Households);

[GenerateSerializer, Immutable]
public sealed record RecordVisit([property: Id(0)] Guid HouseholdId, [property: Id(1)] string Outcome, [property: Id(2)] bool Information,
    [property: Id(3)] decimal? TemperatureCelsius, [property: Id(4)] bool Publicity, [property: Id(5)] DateTimeOffset? At);

/// <summary>The single writer of one campaign's stream: its targets, assignments and visits.</summary>
public interface ICampaignGrain : IGrainWithGuidKey
{
    Task<CommandResult> LaunchAsync(LaunchCampaign command, CommandContext context);

    Task<CommandResult> AssignAsync(AssignVisits command, CommandContext context);

    /// <summary>Records visits in one transaction (a staff member's day, synced from the phone page, or one visit).</summary>
    Task<CommandResult> RecordVisitsAsync(RecordVisit[] visits, CommandContext context);
}
