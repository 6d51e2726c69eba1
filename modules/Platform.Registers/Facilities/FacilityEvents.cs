namespace Platform.Registers.Facilities;

/// <summary>A facility opened (public-service or commercial, of a category of <c>FacilityCategories</c>). Geometry is a point, WKT EPSG:4490.</summary>
internal sealed record FacilityRegistered(string Name, string Category, string GeometryWkt, DateOnly OpenedOn, Guid? HubId);

/// <summary>The facility closed.</summary>
internal sealed record FacilityClosed(DateOnly ClosedOn, string Reason);

/// <summary>A composite service hub (综合体) was registered with its function spaces and the compounds it serves.</summary>
internal sealed record ServiceHubRegistered(string Name, string GeometryWkt, HubSpace[] Spaces, Guid[] ServedCompoundIds, DateOnly OpenedOn);

/// <summary>A function space of a hub: a category of facility with its floor area in m².</summary>
[GenerateSerializer, Immutable]
internal sealed record HubSpace([property: Id(0)] string Name, [property: Id(1)] string Category, [property: Id(2)] double AreaSquareMetres);
