namespace Platform.Plugins.Smart.Devices;

/// <summary>
/// A device was installed in a compound at (<paramref name="Lon"/>, <paramref name="Lat"/>), EPSG:4490, with its
/// first status. <paramref name="CompoundId"/> is the compound register's id when the compound is registered there.
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
    DateTimeOffset At);

/// <summary>A device's status changed to <paramref name="Status"/> (online, offline, maintenance), as reported at <paramref name="At"/>.</summary>
public sealed record DeviceStatusReported(string Status, string? Note, DateTimeOffset At);
