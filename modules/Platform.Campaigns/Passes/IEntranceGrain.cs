using Platform.Abstractions.Commands;

namespace Platform.Campaigns.Passes;

[GenerateSerializer, Immutable]
public sealed record IssueEntrancePass([property: Id(0)] Guid CompoundId, [property: Id(1)] string CompoundName, [property: Id(2)] string CompoundKind,
    [property: Id(3)] string Name, [property: Id(4)] double Lon, [property: Id(5)] double Lat);

[GenerateSerializer, Immutable]
public sealed record RecordEntry([property: Id(0)] string Code, [property: Id(1)] string Category, [property: Id(2)] string Name, [property: Id(3)] string Phone);

/// <summary>What a scan registered: the pass number to show at the gate, never the person.</summary>
[GenerateSerializer, Immutable]
public sealed record EntryReceipt([property: Id(0)] string PassNo, [property: Id(1)] string Category, [property: Id(2)] string CategoryZh,
    [property: Id(3)] string Colour, [property: Id(4)] string Compound, [property: Id(5)] string Entrance, [property: Id(6)] DateTimeOffset At);

[GenerateSerializer, Immutable]
public sealed record EntryResult([property: Id(0)] Rejection? Rejection, [property: Id(1)] EntryReceipt? Receipt);

/// <summary>The single writer of one entrance's pass stream and of its entry records.</summary>
public interface IEntranceGrain : IGrainWithGuidKey
{
    Task<CommandResult> IssueAsync(IssueEntrancePass command, CommandContext context);

    Task<CommandResult> RevokeAsync(string reason, CommandContext context);

    Task<EntryResult> RecordEntryAsync(RecordEntry command);
}
