using Platform.Abstractions.Commands;

namespace Platform.Campaigns.Work;

[GenerateSerializer, Immutable]
public sealed record RecordExchange([property: Id(0)] string Kind, [property: Id(1)] string Title, [property: Id(2)] DateOnly HeldOn, [property: Id(3)] string[] Partners,
    [property: Id(4)] int Enterprises, [property: Id(5)] int Organisations, [property: Id(6)] int Residents, [property: Id(7)] Agreement[] Agreements, [property: Id(8)] string? Summary);

/// <summary>The single writer of one exchange's stream.</summary>
public interface IExchangeGrain : IGrainWithGuidKey
{
    Task<CommandResult> RecordAsync(RecordExchange command, CommandContext context);
}
