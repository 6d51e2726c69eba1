using Platform.Abstractions.Commands;

namespace Platform.Plugins.Vitality.Activities;

/// <summary>The single writer of an activity's stream.</summary>
public interface IActivityGrain : IGrainWithGuidKey
{
    Task<CommandResult> RecordAsync(RecordActivity command, CommandContext context);
}

/// <summary>Record an activity that was held (validated by the endpoint).</summary>
[GenerateSerializer, Immutable]
public sealed record RecordActivity(
    [property: Id(0)] string Title,
    [property: Id(1)] Guid? GroupId,
    [property: Id(2)] string? Series,
    [property: Id(3)] string SpaceKind,
    [property: Id(4)] string SpaceName,
    [property: Id(5)] double Lon,
    [property: Id(6)] double Lat,
    [property: Id(7)] DateOnly HeldOn,
    [property: Id(8)] int Participants);
