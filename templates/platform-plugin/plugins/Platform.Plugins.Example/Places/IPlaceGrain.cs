using Platform.Abstractions.Commands;

namespace Platform.Plugins.Example.Places;

/// <summary>The single writer of a place's event stream.</summary>
public interface IPlaceGrain : IGrainWithGuidKey
{
    Task<CommandResult> RecordAsync(RecordPlace command, CommandContext context);
}

/// <summary>Record a place. Messages to grains are immutable, serializable records.</summary>
[GenerateSerializer, Immutable]
public sealed record RecordPlace([property: Id(0)] string Name, [property: Id(1)] double Lon, [property: Id(2)] double Lat);
