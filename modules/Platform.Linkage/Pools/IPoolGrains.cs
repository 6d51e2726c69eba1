using Platform.Abstractions.Commands;

namespace Platform.Linkage.Pools;

/// <summary>The single writer of one social organisation's stream.</summary>
internal interface ISocialOrganisationGrain : IGrainWithGuidKey
{
    Task<CommandResult> RegisterAsync(RegisterOrganisation command, CommandContext context);
    Task<CommandResult> ChangeStatusAsync(string status, DateOnly on, CommandContext context);
}

/// <summary>The single writer of one social worker's stream.</summary>
internal interface ISocialWorkerGrain : IGrainWithGuidKey
{
    Task<CommandResult> RegisterAsync(RegisterSocialWorker command, CommandContext context);
    Task<CommandResult> SetAvailabilityAsync(bool available, CommandContext context);
}

/// <summary>The single writer of the 三社联动指导中心's stream.</summary>
internal interface IGuidanceCentreGrain : IGrainWithGuidKey
{
    Task<CommandResult> EstablishAsync(EstablishCentre command, CommandContext context);
    Task<CommandResult> IncubateAsync(IncubateProject command, CommandContext context);
}
