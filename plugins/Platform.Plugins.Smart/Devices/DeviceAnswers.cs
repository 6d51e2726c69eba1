namespace Platform.Plugins.Smart.Devices;

/// <summary>
/// The answer that installs a device: the device as <see cref="DeviceAnswer"/> has it, the version of its record, and its
/// access token — shown this once (only its hash is kept; an administrator rotates a lost one).
/// </summary>
public sealed record InstalledDeviceAnswer(
    Guid Id, long Version, string AccessToken, string Kind, string? KindZh, string Name, string Compound, Guid? CompoundId, double Lon, double Lat,
    string Status, string? StatusZh, DateOnly InstalledOn, string? CommunityCode, string? CommunityName,
    string? Building, string? Entrance, string? Model, Guid? ProfileId, Guid? ProjectId);

/// <summary>A rotated token: the new one, shown this once; the old one no longer works.</summary>
public sealed record DeviceTokenAnswer(Guid Id, long Version, string AccessToken);

/// <summary>A value as last reported (<c>number</c> for numbers, <c>text</c> otherwise).</summary>
public sealed record ReadingAnswer(string Key, DateTimeOffset Ts, double? Number, string? Text);

/// <summary>A device's last values and client attributes, and when it was last heard from (while its grain has it in memory).</summary>
public sealed record LatestAnswer(Guid DeviceId, string Status, DateTimeOffset? LastSeen, IReadOnlyList<ReadingAnswer> Telemetry, IReadOnlyList<ReadingAnswer> Attributes);
