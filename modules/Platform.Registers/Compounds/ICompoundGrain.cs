using Platform.Abstractions.Commands;

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

/// <summary>The single writer of one compound's stream.</summary>
internal interface ICompoundGrain : IGrainWithGuidKey
{
    Task<CommandResult> RegisterAsync(RegisterCompound command, CommandContext context);
    Task<CommandResult> AddBuildingAsync(AddBuilding command, CommandContext context);
}
