namespace Platform.Abstractions.Registers;

/// <summary>
/// Read access to the registers of housing, facilities and planning for plugins and reports.
/// Locations are EPSG:4490 (lon, lat); the community is derived from the location on the date asked.
/// </summary>
public interface IRegisterReader
{
    /// <summary>Residential compounds (小区) in existence on <paramref name="date"/>.</summary>
    Task<IReadOnlyList<CompoundInfo>> CompoundsAsync(DateOnly date, CancellationToken ct = default);

    /// <summary>Facilities open on <paramref name="date"/>.</summary>
    Task<IReadOnlyList<FacilityInfo>> FacilitiesAsync(DateOnly date, CancellationToken ct = default);

    /// <summary>Planning and project sites with their status on <paramref name="date"/>.</summary>
    Task<IReadOnlyList<SiteInfo>> SitesAsync(DateOnly date, CancellationToken ct = default);

    /// <summary>The roads of the base geography (lines in EPSG:4490), for walking distances along them. Since SDK 1.1.</summary>
    Task<IReadOnlyList<RoadInfo>> RoadsAsync(CancellationToken ct = default);

    /// <summary>
    /// The compound whose outline contains (<paramref name="lon"/>, <paramref name="lat"/>) (EPSG:4490) on <paramref name="date"/>,
    /// or null where none does. Since SDK 1.5; the default answers null, so readers written before it keep compiling.
    /// </summary>
    Task<CompoundInfo?> CompoundAtAsync(double lon, double lat, DateOnly date, CancellationToken ct = default) => Task.FromResult<CompoundInfo?>(null);
}

/// <summary>A compound: <paramref name="Kind"/> is commercial, resettlement, talent or village; the point is its label point.</summary>
public sealed record CompoundInfo(Guid Id, string Name, string Kind, double Lon, double Lat, int Households, int Buildings, string? CommunityCode, string? CommunityName)
{
    /// <summary>The property company (物业服务企业) that serves the compound, or null (village settlements). Since SDK 1.5.</summary>
    public string? PropertyCompany { get; init; }

    /// <summary>
    /// The compound's entrances (出入口) as registered, EPSG:4490 (x = lon, y = lat), in the order drawn; empty where none is
    /// registered. Since SDK 1.6; readers that do not know them leave it empty.
    /// </summary>
    public IReadOnlyList<EntrancePoint> Entrances { get; init; } = [];
}

/// <summary>One entrance of a compound: its place in EPSG:4490 (x = lon, y = lat).</summary>
public sealed record EntrancePoint(double Lon, double Lat);

/// <summary>A facility of a <see cref="FacilityCategory"/>; hubs list their function spaces as facilities too.</summary>
public sealed record FacilityInfo(Guid Id, string Name, string Category, string Kind, double Lon, double Lat, string? CommunityCode, string? CommunityName);

/// <summary>A site with its status on the date asked: proposed, approved, under_construction, completed or cancelled.</summary>
public sealed record SiteInfo(Guid Id, string Name, string Status, string Category, decimal? BudgetWan, string? Owner, string? Zone, double Lon, double Lat, double AreaSquareMetres, string? CommunityCode, string? CommunityName);

/// <summary>A road of the base geography: a line (or lines) in EPSG:4490.</summary>
public sealed record RoadInfo(Guid Id, string Name, NetTopologySuite.Geometries.Geometry Geometry);
