using Platform.Abstractions.Commands;

namespace Platform.Campaigns.Work;

[GenerateSerializer, Immutable]
public sealed record SecondStaff([property: Id(0)] string Staff, [property: Id(1)] string Department, [property: Id(2)] string Post, [property: Id(3)] string Task,
    [property: Id(4)] DateOnly StartOn, [property: Id(5)] DateOnly? EndOn);

/// <summary>The single writer of one secondment's stream.</summary>
public interface ISecondmentGrain : IGrainWithGuidKey
{
    Task<CommandResult> SecondAsync(SecondStaff command, CommandContext context);

    Task<CommandResult> EndAsync(DateOnly endOn, CommandContext context);
}
