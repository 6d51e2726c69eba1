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
    public const string Pilot = "鹿溪河畔";

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
        await SeedPilotAsync(grains, store, ct);
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

    /// <summary>
    /// The pilot of the source document: 鹿溪河畔 chosen as the smart-compound pilot, its plan drawn up, devices bought,
    /// cameras and barrier gates installed and being commissioned by the year's end; 保水逸苑 and 鹿溪雅韵 planned for the
    /// next year. Device profiles with the alarm rules of the pilot (a fever rule at the temperature check, gates and
    /// cameras that must keep reporting). Loaded once: a later start finds the pilot project and skips it.
    /// </summary>
    private static async Task SeedPilotAsync(IGrainFactory grains, IDocumentStore store, CancellationToken ct)
    {
        await using (var query = store.QuerySession())
        {
            if (await query.Query<Projects.ProjectView>().AnyAsync(p => p.Compound == Pilot, ct))
                return;
        }
        var system = CommandContext.System("演示数据（示意）：鹿溪河畔智慧小区试点");
        var today = DateOnly.FromDateTime(DateTime.Today);
        var year = today.Year;
        DateOnly On(int month, int day) => new DateOnly(year, month, day) is var d && d <= today ? d : today;

        var fever = Guid.NewGuid();
        await Must(grains.GetGrain<Profiles.IProfileGrain>(fever).CreateAsync("测温终端", "人员体温超过 37.3 ℃ 持续 10 秒告警", 120,
            [new Profiles.AlarmRule("fever", "体温异常", Profiles.AlarmRules.Threshold, "temperature", "gt", 37.3, 10, 0, "major")], system));
        var gate = Guid.NewGuid();
        await Must(grains.GetGrain<Profiles.IProfileGrain>(gate).CreateAsync("道闸与门禁", "10 分钟无上报告警", 300,
            [new Profiles.AlarmRule("silent", "设备无上报", Profiles.AlarmRules.Inactivity, null, null, null, 600, 0, "minor")], system));
        var camera = Guid.NewGuid();
        await Must(grains.GetGrain<Profiles.IProfileGrain>(camera).CreateAsync("监控摄像头", "帧率过低告警", 120,
            [new Profiles.AlarmRule("low-fps", "视频帧率过低", Profiles.AlarmRules.Threshold, "fps", "lt", 10, 30, 0, "warning")], system));

        var pilot = Guid.NewGuid();
        await Must(grains.GetGrain<Projects.IProjectGrain>(pilot).StartAsync(new Projects.StartProject("鹿溪河畔智慧小区试点", Pilot, null, 104.058, 30.372,
            "示意科技公司（演示）", On(3, 16)), system));
        foreach (var (stage, on) in new[] { ("procure", On(6, 8)), ("install", On(9, 21)), ("commission", On(11, 18)) })
            await Must(grains.GetGrain<Projects.IProjectGrain>(pilot).AdvanceAsync(stage, on, null, system));
        (string Kind, string Name, string? Building, string? Entrance, string Model, Guid Profile, double DLon, double DLat, DateOnly On)[] devices =
        [
            ("camera", "鹿溪河畔南门监控", null, "南门", "DS-2CD3T46（示意）", camera, 0, -0.0009, On(9, 21)),
            ("camera", "鹿溪河畔北门监控", null, "北门", "DS-2CD3T46（示意）", camera, 0.0002, 0.0009, On(9, 21)),
            ("camera", "鹿溪河畔3栋架空层监控", "3栋", null, "DS-2CD3T46（示意）", camera, -0.0004, 0.0002, On(9, 23)),
            ("barrier_gate", "鹿溪河畔车库入口道闸", null, "车库入口", "DZ-200（示意）", gate, -0.0010, -0.0008, On(10, 12)),
            ("barrier_gate", "鹿溪河畔车库出口道闸", null, "车库出口", "DZ-200（示意）", gate, -0.0008, -0.0009, On(10, 12)),
            ("face_gate", "鹿溪河畔南门人脸识别门禁", null, "南门", "FG-8（示意）", gate, 0.0001, -0.0009, On(11, 5)),
            ("temperature_check", "鹿溪河畔南门测温终端", null, "南门", "TC-3（示意）", fever, 0.0002, -0.0009, On(11, 5)),
        ];
        foreach (var d in devices)
            await Must(grains.GetGrain<IDeviceGrain>(Guid.NewGuid()).InstallAsync(new InstallDevice(d.Kind, d.Name, Pilot, null,
                Math.Round(104.058 + d.DLon, 6), Math.Round(30.372 + d.DLat, 6), DeviceStatuses.Online, d.On)
            {
                Building = d.Building, Entrance = d.Entrance, Model = d.Model, ProfileId = d.Profile, ProjectId = pilot,
                // A token nobody knows: the demo publisher feeds the ingest directly; an administrator rotates it to connect a real device.
                TokenHash = AccessTokens.Hash(AccessTokens.NewToken()),
            }, system));

        foreach (var (compound, lon, lat) in new[] { ("保水逸苑", 104.097, 30.412), ("鹿溪雅韵", 104.077, 30.371) })
            await Must(grains.GetGrain<Projects.IProjectGrain>(Guid.NewGuid()).StartAsync(new Projects.StartProject($"{compound}智慧小区建设", compound, null, lon, lat,
                null, On(11, 25)), system));

        // The command centre's first day: an incident raised by staff, dispatched and closed.
        var incident = Guid.NewGuid();
        await Must(grains.GetGrain<Incidents.IIncidentGrain>(incident).ReportAsync(new Incidents.ReportIncident("fire_lane", "鹿溪河畔3栋消防通道被占用（演示）",
            "巡查发现私家车停放在消防通道。", Pilot, 104.0576, 30.3722, null, null), system));
        await Must(grains.GetGrain<Incidents.IIncidentGrain>(incident).DispatchAsync("鹿溪物业秩序维护队", "通知车主挪车", system));
        await Must(grains.GetGrain<Incidents.IIncidentGrain>(incident).MoveAsync("on_scene", null, system));
        await Must(grains.GetGrain<Incidents.IIncidentGrain>(incident).MoveAsync("resolved", "车辆已挪离", system));
        await Must(grains.GetGrain<Incidents.IIncidentGrain>(incident).MoveAsync("closed", null, system));
    }

    private static async Task Must(Task<CommandResult> command)
    {
        if ((await command).Rejection is { } r)
            throw new InvalidOperationException($"Smart demo data refused: {r.Field}: {r.Reason}");
    }
}
