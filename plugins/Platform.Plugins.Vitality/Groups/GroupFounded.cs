namespace Platform.Plugins.Vitality.Groups;

/// <summary>
/// A resident group was founded, meeting at <paramref name="HomeSpace"/> at (<paramref name="Lon"/>, <paramref name="Lat"/>),
/// EPSG:4490; its community is derived from that place. <paramref name="Signature"/> marks the community's specialty (一社区一特色).
/// A founded group is at the stage 萌芽 (sprouting) from <paramref name="FoundedOn"/>. <paramref name="Tags"/>, <paramref name="SupportedBy"/>
/// (the social organisation that incubates it) and <paramref name="Leader"/> are absent from events written before SDK-era 1.2 of the plugin.
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
    bool Signature,
    string[]? Tags = null,
    string? SupportedBy = null,
    [property: Platform.Abstractions.Security.PersonalData] string? Leader = null);
