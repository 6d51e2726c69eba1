using Orleans.Concurrency;
using Platform.Abstractions.Commands;
using Platform.Plugins.Smart.Alarms;
using Platform.Plugins.Smart.Profiles;
using Platform.Plugins.Smart.Telemetry;

namespace Platform.Plugins.Smart.Devices;

/// <summary>
/// The single writer of a device's event stream, and the device's live state: its last values, its heartbeat (offline
/// when it stops), and the alarm rules of its profile evaluated on every reading. It is the
/// <see cref="IAlarmSubject"/> of its alarms and an <see cref="IProfileUser"/> of its profile.
/// </summary>
public interface IDeviceGrain : IAlarmSubject, IProfileUser
{
    Task<CommandResult> InstallAsync(InstallDevice command, CommandContext context);

    Task<CommandResult> ReportStatusAsync(ReportDeviceStatus command, CommandContext context);

    /// <summary>Replaces the access token by the one hashed as <paramref name="tokenHash"/> (administrators).</summary>
    Task<CommandResult> RotateTokenAsync(string tokenHash, CommandContext context);

    Task<CommandResult> RetireAsync(string? note, CommandContext context);

    /// <summary>Readings that passed the ingest checks (stored by the ingest; here: last values, status, rules).</summary>
    Task IngestAsync(DeviceReadings readings);

    /// <summary>The device's last value per key, and its client attributes, as the grain holds them.</summary>
    [AlwaysInterleave]
    Task<LatestValues> LatestAsync();
}

/// <summary>Install a device (validated by the endpoint; the grain checks again what the stream depends on).</summary>
[GenerateSerializer, Immutable]
public sealed record InstallDevice(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Name,
    [property: Id(2)] string Compound,
    [property: Id(3)] Guid? CompoundId,
    [property: Id(4)] double Lon,
    [property: Id(5)] double Lat,
    [property: Id(6)] string Status,
    [property: Id(7)] DateOnly InstalledOn)
{
    [Id(8)] public string? Building { get; init; }
    [Id(9)] public string? Entrance { get; init; }
    [Id(10)] public string? Model { get; init; }
    [Id(11)] public Guid? ProfileId { get; init; }
    [Id(12)] public Guid? ProjectId { get; init; }
    [Id(13)] public string? TokenHash { get; init; }
}

/// <summary>Report a device's new status.</summary>
[GenerateSerializer, Immutable]
public sealed record ReportDeviceStatus([property: Id(0)] string Status, [property: Id(1)] string? Note);
