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

/// <summary>The facility's name or category was corrected.</summary>
internal sealed record FacilityDetailsRevised(string Name, string Category);

/// <summary>The facility was moved to a new point (WKT, EPSG:4490).</summary>
internal sealed record FacilityMoved(string GeometryWkt);

/// <summary>The facility left the register on <paramref name="On"/> (recorded in error, demolished, merged): its history stays.</summary>
internal sealed record FacilityRetired(string Reason, DateOnly On);

/// <summary>The hub's name or the compounds it serves changed.</summary>
internal sealed record ServiceHubDetailsRevised(string Name, Guid[] ServedCompoundIds);

/// <summary>The hub moved to a new point (its function spaces move with it, each by a <see cref="FacilityMoved"/> of its own).</summary>
internal sealed record ServiceHubMoved(string GeometryWkt);

/// <summary>The hub left the register on <paramref name="On"/>, with its function spaces.</summary>
internal sealed record ServiceHubRetired(string Reason, DateOnly On);
