namespace Platform.Plugins.Service.Projects;

/// <summary>A service-scene project: a party-mass service centre or a shared ground-floor space (架空层) in a compound.</summary>
public sealed record ServiceProjectRegistered(string Name, string Kind, string? Compound, double Lon, double Lat, double AreaSquareMetres, string Status, DateOnly Since);
