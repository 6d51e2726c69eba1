namespace Platform.Plugins.Smart.Devices;

/// <summary>A kind of smart-compound device, with its names.</summary>
public sealed record DeviceKind(string Code, string NameZh, string NameEn);

/// <summary>The device kinds of the smart-compound pilot (智慧小区).</summary>
public static class DeviceKinds
{
    public static readonly IReadOnlyList<DeviceKind> All =
    [
        new("face_gate", "人脸识别门禁", "Face-recognition gate"),
        new("temperature_check", "测温终端", "Temperature check"),
        new("camera", "监控摄像头", "Camera"),
        new("barrier_gate", "车辆道闸", "Barrier gate"),
        new("info_screen", "信息发布屏", "Information screen"),
        new("service_robot", "服务机器人", "Service robot"),
    ];

    public static DeviceKind? Find(string? code) => All.FirstOrDefault(k => k.Code == code);
}
