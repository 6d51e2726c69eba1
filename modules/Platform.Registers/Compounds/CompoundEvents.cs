namespace Platform.Registers.Compounds;

// Facts about one residential compound (小区), on its stream. Geometry is WKT in EPSG:4490.

/// <summary>A compound was registered. Kind: commercial, resettlement (安置小区), talent (人才公寓) or village (聚居点).</summary>
internal sealed record CompoundRegistered(string Name, string Kind, string GeometryWkt, int Households, string? PropertyCompany, string? EntrancesWkt, DateOnly Since);

/// <summary>A building of the compound was registered.</summary>
internal sealed record BuildingAdded(Guid BuildingId, string Name, int Floors, int Households, string FootprintWkt);

/// <summary>Name, kind, household count or property company changed.</summary>
internal sealed record CompoundDetailsRevised(string Name, string Kind, int Households, string? PropertyCompany);

/// <summary>The compound's boundary (and, when given, its entrances) was redrawn.</summary>
internal sealed record CompoundReshaped(string GeometryWkt, string? EntrancesWkt);

/// <summary>The compound left the register on <paramref name="On"/>: it is no longer drawn or listed from that date, its history stays.</summary>
internal sealed record CompoundRetired(string Reason, DateOnly On);
