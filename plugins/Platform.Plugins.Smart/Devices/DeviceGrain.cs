using Marten;
using Platform.Abstractions.Commands;

namespace Platform.Plugins.Smart.Devices;

// A namespaced grain type: Orleans would otherwise name it after the class, which another plugin may share.
[GrainType("smart.device")]
internal sealed class DeviceGrain(IDocumentStore store, TimeProvider clock) : Grain, IDeviceGrain
{
    private string? _status;
    private long _version;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await using var query = store.QuerySession();
        var device = await query.LoadAsync<DeviceView>(this.GetPrimaryKey(), cancellationToken);
        _status = device?.Status;
        _version = (await query.Events.FetchStreamStateAsync(this.GetPrimaryKey(), cancellationToken))?.Version ?? 0;
    }

    public async Task<CommandResult> InstallAsync(InstallDevice command, CommandContext context)
    {
        if (_status is not null)
            return CommandResult.Refused(409, "id", "This device is already installed.", "该设备已登记。");
        if (DeviceKinds.Find(command.Kind) is null)
            return CommandResult.Refused(400, "kind", $"Unknown device kind '{command.Kind}'.", "设备类型无效。");
        if (DeviceStatuses.Find(command.Status) is null)
            return CommandResult.Refused(400, "status", $"Unknown status '{command.Status}'.", "设备状态无效。");
        await using var session = store.LightweightSession();
        session.AttributeTo(context);
        session.Events.StartStream<DeviceView>(this.GetPrimaryKey(), new DeviceInstalled(
            command.Kind, command.Name, command.Compound, command.CompoundId, command.Lon, command.Lat, command.Status, command.InstalledOn, clock.GetUtcNow()));
        await session.SaveChangesAsync();
        _status = command.Status;
        _version = 1;
        return CommandResult.Ok(_version);
    }

    public async Task<CommandResult> ReportStatusAsync(ReportDeviceStatus command, CommandContext context)
    {
        if (_status is null)
            return CommandResult.Refused(404, "id", "No device is registered under this id.", "找不到该设备。");
        if (DeviceStatuses.Find(command.Status) is not { } status)
            return CommandResult.Refused(400, "status", $"Unknown status '{command.Status}'.", "设备状态无效。");
        // Only changes are recorded: a repeated status would be noise in the history and in the report.
        if (command.Status == _status)
            return CommandResult.Refused(409, "status", $"The device is already {status.NameEn.ToLowerInvariant()}.", $"该设备已是“{status.NameZh}”状态。");
        await using var session = store.LightweightSession();
        session.AttributeTo(context);
        session.Events.Append(this.GetPrimaryKey(), _version + 1, new DeviceStatusReported(command.Status, command.Note, clock.GetUtcNow()));
        await session.SaveChangesAsync();
        _status = command.Status;
        _version++;
        return CommandResult.Ok(_version);
    }
}
