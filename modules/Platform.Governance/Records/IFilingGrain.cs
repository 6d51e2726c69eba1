using Platform.Abstractions.Commands;

namespace Platform.Governance.Records;

[GenerateSerializer, Immutable]
public sealed record RecordFiling([property: Id(0)] string Kind, [property: Id(1)] Guid CompoundId, [property: Id(2)] string CompoundName,
    [property: Id(3)] double Lon, [property: Id(4)] double Lat, [property: Id(5)] DateOnly FiledOn, [property: Id(6)] string Parties, [property: Id(7)] string[] Documents);

[GenerateSerializer, Immutable]
public sealed record HoldTraining([property: Id(0)] string Topic, [property: Id(1)] DateOnly HeldOn, [property: Id(2)] string[] Compounds,
    [property: Id(3)] int Attendees, [property: Id(4)] string? Trainer);

/// <summary>The single writer of one filing's stream.</summary>
public interface IFilingGrain : IGrainWithGuidKey
{
    Task<CommandResult> RecordAsync(RecordFiling command, CommandContext context);
}

/// <summary>The single writer of one training session's stream.</summary>
public interface ITrainingGrain : IGrainWithGuidKey
{
    Task<CommandResult> HoldAsync(HoldTraining command, CommandContext context);
}
