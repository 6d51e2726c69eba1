using Marten;
using Platform.Abstractions.Commands;
using Platform.Plugins.Smart.Devices;

namespace Platform.Plugins.Smart.Demo;

/// <summary>
/// The smart-compound pilot of the demo: devices at 人才公寓, 中交悦湖 and 北鑫苑 (locations inside the demo
/// compounds' outlines), a few of them reported offline or under maintenance. Loaded once: a later start finds the
/// first demo device and skips it.
/// </summary>
internal static class SmartDemo
{
    private static readonly (string Compound, double Lon, double Lat, (string Kind, string Name, double DLon, double DLat, string? Later)[] Devices)[] Compounds =
    [
        ("人才公寓", 104.055, 30.415,
        [
            ("face_gate", "人才公寓南门人脸识别门禁", 0, -0.0008, null), ("face_gate", "人才公寓东门人脸识别门禁", 0.0011, 0, null),
            ("temperature_check", "人才公寓南门测温终端", 0.0001, -0.0008, null), ("camera", "人才公寓南门监控", -0.0002, -0.0007, null),
            ("camera", "人才公寓中庭监控", 0, 0.0001, DeviceStatuses.Offline), ("barrier_gate", "人才公寓车库道闸", -0.0009, -0.0008, null),
            ("info_screen", "人才公寓信息发布屏", 0.0003, -0.0006, null), ("service_robot", "人才公寓服务机器人", -0.0004, 0.0002, null),
        ]),
        ("中交悦湖", 104.084, 30.413,
        [
            ("face_gate", "中交悦湖北门人脸识别门禁", 0, 0.0008, null), ("camera", "中交悦湖北门监控", 0.0002, 0.0007, null),
            ("camera", "中交悦湖周界监控", 0.0011, 0.0004, null), ("barrier_gate", "中交悦湖车库道闸", -0.0010, 0.0008, DeviceStatuses.Maintenance),
            ("info_screen", "中交悦湖信息发布屏", 0.0003, 0.0006, null),
        ]),
        ("北鑫苑", 104.097, 30.385,
        [
            ("face_gate", "北鑫苑南门人脸识别门禁", 0, -0.0008, null), ("temperature_check", "北鑫苑南门测温终端", 0.0001, -0.0008, null),
            ("camera", "北鑫苑南门监控", -0.0002, -0.0007, null), ("barrier_gate", "北鑫苑道闸", 0.0009, -0.0008, null),
            ("service_robot", "北鑫苑服务机器人", 0.0002, 0.0001, DeviceStatuses.Offline),
        ]),
    ];

    public static async Task SeedAsync(IGrainFactory grains, IDocumentStore store, CancellationToken ct)
    {
        var first = Compounds[0].Devices[0].Name;
        await using (var query = store.QuerySession())
        {
            if (await query.Query<DeviceView>().AnyAsync(d => d.Name == first, ct))
                return;
        }
        var system = CommandContext.System("演示数据（示意）：智慧小区试点设备");
        var installedOn = new DateOnly(DateTime.Today.Year - 1, 9, 1);
        foreach (var (compound, lon, lat, devices) in Compounds)
        {
            foreach (var d in devices)
            {
                var grain = grains.GetGrain<IDeviceGrain>(Guid.NewGuid());
                await Must(grain.InstallAsync(new InstallDevice(d.Kind, d.Name, compound, null,
                    Math.Round(lon + d.DLon, 6), Math.Round(lat + d.DLat, 6), DeviceStatuses.Online, installedOn), system));
                if (d.Later is { } status)
                    await Must(grain.ReportStatusAsync(new ReportDeviceStatus(status, status == DeviceStatuses.Offline ? "网络中断（演示）" : "例行检修（演示）"), system));
            }
        }
    }

    private static async Task Must(Task<CommandResult> command)
    {
        if ((await command).Rejection is { } r)
            throw new InvalidOperationException($"Smart demo data refused: {r.Field}: {r.Reason}");
    }
}
