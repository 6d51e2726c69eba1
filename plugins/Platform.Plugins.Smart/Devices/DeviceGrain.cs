using Platform.Abstractions.Commands;

namespace Platform.Plugins.Smart.Devices;

// A namespaced grain type: Orleans would otherwise name it after the class, which another plugin may share.
[GrainType("smart.device")]
internal sealed class DeviceGrain(EventWriter writer, TimeProvider clock) : Grain, IDeviceGrain
{
    public Task<CommandResult> InstallAsync(InstallDevice command, CommandContext context) =>
        writer.WriteAsync<DeviceView>(this.GetPrimaryKey(), context, device =>
            device is not null ? Outcome.Refuse(409, "id", "This device is already installed.", "该设备已登记。")
            : DeviceKinds.Find(command.Kind) is null ? Outcome.Refuse(400, "kind", $"Unknown device kind '{command.Kind}'.", "设备类型无效。")
            : DeviceStatuses.Find(command.Status) is null ? Outcome.Refuse(400, "status", $"Unknown status '{command.Status}'.", "设备状态无效。")
            : Outcome.Append(new DeviceInstalled(command.Kind, command.Name, command.Compound, command.CompoundId, command.Lon, command.Lat,
                command.Status, command.InstalledOn, clock.GetUtcNow())).At(command.Lon, command.Lat, "lon"));

    public Task<CommandResult> ReportStatusAsync(ReportDeviceStatus command, CommandContext context) =>
        writer.WriteAsync<DeviceView>(this.GetPrimaryKey(), context, device =>
            device is null ? Outcome.Refuse(404, "id", "No device is registered under this id.", "找不到该设备。")
            : DeviceStatuses.Find(command.Status) is not { } status ? Outcome.Refuse(400, "status", $"Unknown status '{command.Status}'.", "设备状态无效。")
            // Only changes are recorded: a repeated status would be noise in the history and in the report.
            : command.Status == device.Status ? Outcome.Refuse(409, "status", $"The device is already {status.NameEn.ToLowerInvariant()}.", $"该设备已是“{status.NameZh}”状态。")
            : Outcome.Append(new DeviceStatusReported(command.Status, command.Note, clock.GetUtcNow())));
}
