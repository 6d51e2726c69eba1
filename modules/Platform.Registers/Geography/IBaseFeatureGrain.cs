using Platform.Abstractions.Commands;

namespace Platform.Registers.Geography;

[GenerateSerializer, Immutable]
internal sealed record RecordBaseFeature([property: Id(0)] string Name, [property: Id(1)] string Kind, [property: Id(2)] string GeometryWkt,
    [property: Id(3)] string? Class = null);

/// <summary>The single writer of one feature of the base geography, water or a road (keyed by its id).</summary>
internal interface IBaseFeatureGrain : IGrainWithGuidKey
{
    Task<CommandResult> RecordAsync(RecordBaseFeature command, CommandContext context);
}
