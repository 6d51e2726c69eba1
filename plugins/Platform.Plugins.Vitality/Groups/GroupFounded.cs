namespace Platform.Plugins.Vitality.Groups;

/// <summary>
/// A resident group was founded, meeting at <paramref name="HomeSpace"/> at (<paramref name="Lon"/>, <paramref name="Lat"/>),
/// EPSG:4490; its community is derived from that place. <paramref name="Signature"/> marks the community's specialty (一社区一特色).
/// </summary>
public sealed record GroupFounded(
    string Name,
    string Specialty,
    string? Description,
    string HomeSpace,
    double Lon,
    double Lat,
    DateOnly FoundedOn,
    int Members,
    bool Signature);
