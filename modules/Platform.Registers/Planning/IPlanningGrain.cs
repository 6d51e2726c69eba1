using Platform.Abstractions.Commands;
using Platform.Registers.Shared;

namespace Platform.Registers.Planning;

[GenerateSerializer, Immutable]
internal sealed record DesignateZone(
    [property: Id(0)] string Name, [property: Id(1)] string Kind, [property: Id(2)] string Theme,
    [property: Id(3)] string GeometryWkt, [property: Id(4)] string Description);

/// <summary>A revision of a zone's details; a null field keeps what the record holds. <see cref="ScenicGrade"/>: 1–5 (A … AAAAA).</summary>
[GenerateSerializer, Immutable]
internal sealed record ReviseZone([property: Id(0)] string? Name, [property: Id(1)] string? Kind, [property: Id(2)] string? Theme, [property: Id(3)] string? Description,
    [property: Id(4)] int? ScenicGrade = null);

/// <summary>A new boundary of a zone, WKT in EPSG:4490.</summary>
[GenerateSerializer, Immutable]
internal sealed record ReshapeZone([property: Id(0)] string GeometryWkt);

/// <summary>The single writer of one planning zone of 一带六组团 (keyed by its id).</summary>
internal interface IPlanningGrain : IGrainWithGuidKey
{
    Task<CommandResult> DesignateZoneAsync(DesignateZone command, CommandContext context);
    Task<CommandResult> ReviseAsync(ReviseZone command, CommandContext context);
    Task<CommandResult> ReshapeAsync(ReshapeZone command, CommandContext context);
    Task<CommandResult> RetireAsync(RetireRecord command, CommandContext context);
}
