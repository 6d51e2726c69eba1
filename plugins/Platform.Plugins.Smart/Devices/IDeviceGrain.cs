using Platform.Abstractions.Commands;

namespace Platform.Plugins.Smart.Devices;

/// <summary>The single writer of a device's event stream.</summary>
public interface IDeviceGrain : IGrainWithGuidKey
{
    Task<CommandResult> InstallAsync(InstallDevice command, CommandContext context);

    Task<CommandResult> ReportStatusAsync(ReportDeviceStatus command, CommandContext context);
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
    [property: Id(7)] DateOnly InstalledOn);

/// <summary>Report a device's new status.</summary>
[GenerateSerializer, Immutable]
public sealed record ReportDeviceStatus([property: Id(0)] string Status, [property: Id(1)] string? Note);
