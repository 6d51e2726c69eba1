using Platform.Abstractions.Commands;
using Platform.Registers.Shared;

namespace Platform.Registers.Facilities;

[GenerateSerializer, Immutable]
internal sealed record RegisterFacility(
    [property: Id(0)] string Name, [property: Id(1)] string Category, [property: Id(2)] string GeometryWkt,
    [property: Id(3)] DateOnly OpenedOn, [property: Id(4)] Guid? HubId);

[GenerateSerializer, Immutable]
internal sealed record CloseFacility([property: Id(0)] DateOnly ClosedOn, [property: Id(1)] string Reason);

[GenerateSerializer, Immutable]
internal sealed record RegisterServiceHub(
    [property: Id(0)] string Name, [property: Id(1)] string GeometryWkt, [property: Id(2)] HubSpace[] Spaces,
    [property: Id(3)] Guid[] ServedCompoundIds, [property: Id(4)] DateOnly OpenedOn);

/// <summary>A revision of a facility's details; a null field keeps what the record holds.</summary>
[GenerateSerializer, Immutable]
internal sealed record ReviseFacility([property: Id(0)] string? Name, [property: Id(1)] string? Category);

/// <summary>A new location (a point, WKT in EPSG:4490) of a facility or a hub.</summary>
[GenerateSerializer, Immutable]
internal sealed record MoveTo([property: Id(0)] string GeometryWkt);

/// <summary>A revision of a hub's details; a null field keeps what the record holds.</summary>
[GenerateSerializer, Immutable]
internal sealed record ReviseServiceHub([property: Id(0)] string? Name, [property: Id(1)] Guid[]? ServedCompoundIds);

/// <summary>The single writer of one facility's stream.</summary>
internal interface IFacilityGrain : IGrainWithGuidKey
{
    Task<CommandResult> RegisterAsync(RegisterFacility command, CommandContext context);
    Task<CommandResult> CloseAsync(CloseFacility command, CommandContext context);
    Task<CommandResult> ReviseAsync(ReviseFacility command, CommandContext context);
    Task<CommandResult> MoveAsync(MoveTo command, CommandContext context);
    Task<CommandResult> RetireAsync(RetireRecord command, CommandContext context);
}

/// <summary>The single writer of one service hub's stream. Its function spaces are registered as facilities of the hub.</summary>
internal interface IServiceHubGrain : IGrainWithGuidKey
{
    Task<CommandResult> RegisterAsync(RegisterServiceHub command, CommandContext context);
    Task<CommandResult> ReviseAsync(ReviseServiceHub command, CommandContext context);
    Task<CommandResult> MoveAsync(MoveTo command, CommandContext context);
    Task<CommandResult> RetireAsync(RetireRecord command, CommandContext context);
}
