using Platform.Abstractions.Commands;

namespace Platform.Registers.Planning;

[GenerateSerializer, Immutable]
internal sealed record DesignateZone(
    [property: Id(0)] string Name, [property: Id(1)] string Kind, [property: Id(2)] string Theme,
    [property: Id(3)] string GeometryWkt, [property: Id(4)] string Description);

[GenerateSerializer, Immutable]
internal sealed record RecordBaseFeature([property: Id(0)] string Name, [property: Id(1)] string Kind, [property: Id(2)] string GeometryWkt,
    [property: Id(3)] string? Class = null);

/// <summary>The single writer of one planning zone or base-geography feature (keyed by its id).</summary>
internal interface IPlanningGrain : IGrainWithGuidKey
{
    Task<CommandResult> DesignateZoneAsync(DesignateZone command, CommandContext context);
    Task<CommandResult> RecordBaseFeatureAsync(RecordBaseFeature command, CommandContext context);
}
