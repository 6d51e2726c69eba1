using Platform.Abstractions.Commands;
using Platform.Registers.Shared;

namespace Platform.Registers.Geography;

[GenerateSerializer, Immutable]
internal sealed record RecordBaseFeature([property: Id(0)] string Name, [property: Id(1)] string Kind, [property: Id(2)] string GeometryWkt,
    [property: Id(3)] string? Class = null);

/// <summary>A revision of a feature's name or road class; a null field keeps what the record holds.</summary>
[GenerateSerializer, Immutable]
internal sealed record ReviseBaseFeature([property: Id(0)] string? Name, [property: Id(1)] string? Class);

/// <summary>A new geometry of a feature, WKT in EPSG:4490.</summary>
[GenerateSerializer, Immutable]
internal sealed record ReshapeBaseFeature([property: Id(0)] string GeometryWkt);

/// <summary>The single writer of one feature of the base geography, water or a road (keyed by its id).</summary>
internal interface IBaseFeatureGrain : IGrainWithGuidKey
{
    Task<CommandResult> RecordAsync(RecordBaseFeature command, CommandContext context);
    Task<CommandResult> ReviseAsync(ReviseBaseFeature command, CommandContext context);
    Task<CommandResult> ReshapeAsync(ReshapeBaseFeature command, CommandContext context);
    Task<CommandResult> RetireAsync(RetireRecord command, CommandContext context);
}
