namespace Platform.Abstractions.Jurisdiction;

/// <summary>
/// Which administrative units contain a point on a date. Every register that derives "the community
/// of" something from its location asks this, so that restructuring carries it along.
/// </summary>
public interface IJurisdictionLocator
{
    /// <summary>The units containing (<paramref name="lon"/>, <paramref name="lat"/>) in EPSG:4490 on <paramref name="date"/>.</summary>
    Task<UnitLocation> LocateAsync(double lon, double lat, DateOnly date, CancellationToken ct = default);

    /// <summary>
    /// The territory the street manages on <paramref name="date"/> — its own and delegated areas — as
    /// WKT in EPSG:4490, or null when no street is registered.
    /// </summary>
    Task<string?> ManagedTerritoryWktAsync(DateOnly date, CancellationToken ct = default);

    /// <summary>
    /// The community or village containing each point on <paramref name="date"/> (null where none does),
    /// in the order given; one read of the register for all points.
    /// </summary>
    Task<IReadOnlyList<UnitRef?>> CommunitiesOfAsync(IReadOnlyList<(double Lon, double Lat)> points, DateOnly date, CancellationToken ct = default);

    /// <summary>The communities and villages in force on <paramref name="date"/>.</summary>
    Task<IReadOnlyList<UnitRef>> CommunitiesAsync(DateOnly date, CancellationToken ct = default);
}

/// <summary>A unit as other modules see it. <see cref="Level"/> is street, community, village or group.</summary>
public sealed record UnitRef(Guid Id, string Code, string Name, string Level);

/// <summary>
/// The answer of <see cref="IJurisdictionLocator.LocateAsync"/>: the street, the community or village,
/// the resident group (each null where none contains the point), and who manages the place — this
/// street, or another street's area delegated to it (托管).
/// </summary>
public sealed record UnitLocation(
    UnitRef? Street,
    UnitRef? Community,
    UnitRef? Group,
    string? ManagingStreet,
    string? OwnerStreet,
    bool Delegated);
