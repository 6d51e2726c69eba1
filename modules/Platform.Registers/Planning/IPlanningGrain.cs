using Platform.Abstractions.Commands;

namespace Platform.Registers.Planning;

[GenerateSerializer, Immutable]
internal sealed record DesignateZone(
    [property: Id(0)] string Name, [property: Id(1)] string Kind, [property: Id(2)] string Theme,
    [property: Id(3)] string GeometryWkt, [property: Id(4)] string Description);

/// <summary>The single writer of one planning zone of 一带六组团 (keyed by its id).</summary>
internal interface IPlanningGrain : IGrainWithGuidKey
{
    Task<CommandResult> DesignateZoneAsync(DesignateZone command, CommandContext context);
}
