using Platform.Abstractions.Commands;
using Platform.Registers.Shared;

namespace Platform.Registers.Compounds;

[GenerateSerializer, Immutable]
internal sealed record RegisterCompound(
    [property: Id(0)] string Name, [property: Id(1)] string Kind, [property: Id(2)] string GeometryWkt,
    [property: Id(3)] int Households, [property: Id(4)] string? PropertyCompany, [property: Id(5)] string? EntrancesWkt,
    [property: Id(6)] DateOnly Since)
{
    /// <summary>Buildings registered together with the compound, in one transaction.</summary>
    [Id(7)]
    public AddBuilding[] Buildings { get; init; } = [];
}

[GenerateSerializer, Immutable]
internal sealed record AddBuilding(
    [property: Id(0)] string Name, [property: Id(1)] int Floors, [property: Id(2)] int Households, [property: Id(3)] string FootprintWkt);

/// <summary>A revision of a compound's details; a null field keeps what the record holds.</summary>
[GenerateSerializer, Immutable]
internal sealed record ReviseCompound(
    [property: Id(0)] string? Name, [property: Id(1)] string? Kind, [property: Id(2)] int? Households, [property: Id(3)] string? PropertyCompany);

/// <summary>A new boundary (and optionally new entrances), WKT in EPSG:4490.</summary>
[GenerateSerializer, Immutable]
internal sealed record ReshapeCompound([property: Id(0)] string GeometryWkt, [property: Id(1)] string? EntrancesWkt);

/// <summary>The single writer of one compound's stream.</summary>
internal interface ICompoundGrain : IGrainWithGuidKey
{
    Task<CommandResult> RegisterAsync(RegisterCompound command, CommandContext context);
    Task<CommandResult> AddBuildingAsync(AddBuilding command, CommandContext context);
    Task<CommandResult> ReviseAsync(ReviseCompound command, CommandContext context);
    Task<CommandResult> ReshapeAsync(ReshapeCompound command, CommandContext context);
    Task<CommandResult> RetireAsync(RetireRecord command, CommandContext context);
}
