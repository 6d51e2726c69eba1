namespace Platform.Plugins.Smart.Devices;

/// <summary>A device status with its names and map colour.</summary>
public sealed record DeviceStatus(string Code, string NameZh, string NameEn, string Color);

/// <summary>The statuses a device reports: online, offline, maintenance.</summary>
public static class DeviceStatuses
{
    public const string Online = "online";
    public const string Offline = "offline";
    public const string Maintenance = "maintenance";

    public static readonly IReadOnlyList<DeviceStatus> All =
    [
        new(Online, "在线", "Online", "#2e7d32"),
        new(Offline, "离线", "Offline", "#c62828"),
        new(Maintenance, "维护中", "Under maintenance", "#f9a825"),
    ];

    public static DeviceStatus? Find(string? code) => All.FirstOrDefault(s => s.Code == code);
}
