namespace Platform.Plugins.Service.Projects;

[GenerateSerializer, Immutable]
public sealed record RegisterServiceProject(
    [property: Id(0)] string Name, [property: Id(1)] string Kind, [property: Id(2)] string? Compound, [property: Id(3)] double Lon,
    [property: Id(4)] double Lat, [property: Id(5)] double AreaSquareMetres, [property: Id(6)] string Status, [property: Id(7)] DateOnly Since);
