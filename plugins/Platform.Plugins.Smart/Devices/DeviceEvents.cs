namespace Platform.Plugins.Smart.Devices;

/// <summary>
/// A device was installed in a compound at (<paramref name="Lon"/>, <paramref name="Lat"/>), EPSG:4490, with its
/// first status. <paramref name="CompoundId"/> is the compound register's id when the compound is registered there.
/// Since plugin 1.2 it also says where in the compound (<paramref name="Building"/>, <paramref name="Entrance"/>), the
/// <paramref name="Model"/>, the device profile whose alarm rules apply, the smart-compound project that owns it, and the
/// SHA-256 of its first access token (the token itself is answered once and never stored). Older events lack them.
/// </summary>
public sealed record DeviceInstalled(
    string Kind,
    string Name,
    string Compound,
    Guid? CompoundId,
    double Lon,
    double Lat,
    string Status,
    DateOnly InstalledOn,
    DateTimeOffset At,
    string? Building = null,
    string? Entrance = null,
    string? Model = null,
    Guid? ProfileId = null,
    Guid? ProjectId = null,
    string? TokenHash = null);

/// <summary>A device's status changed to <paramref name="Status"/> (online, offline, maintenance), as reported at <paramref name="At"/>.</summary>
public sealed record DeviceStatusReported(string Status, string? Note, DateTimeOffset At);

/// <summary>A device's access token was replaced (by an administrator); the old one stops working at once.</summary>
public sealed record DeviceTokenRotated(string TokenHash, DateTimeOffset At);

/// <summary>A device was taken out of service: its token stops working, commands to it are refused, it leaves the map.</summary>
public sealed record DeviceRetired(string? Note, DateOnly RetiredOn, DateTimeOffset At);
