using Platform.Abstractions.Commands;

namespace Platform.Campaigns.Work;

[GenerateSerializer, Immutable]
public sealed record EstablishLeadingGroup([property: Id(0)] string Name, [property: Id(1)] string Topic, [property: Id(2)] GroupComposition Composition);

/// <summary>The single writer of one leading group's stream: its establishment and every change of composition.</summary>
public interface ILeadingGroupGrain : IGrainWithGuidKey
{
    Task<CommandResult> EstablishAsync(EstablishLeadingGroup command, CommandContext context);

    Task<CommandResult> RecomposeAsync(GroupComposition composition, CommandContext context);
}
