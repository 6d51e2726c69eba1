using Microsoft.Extensions.Configuration;

namespace Platform.Plugins.Smart.Settings;

/// <summary>
/// The smart scene's settings. <c>Platform:Mqtt:Port</c> (default 1883; 0 turns the broker off) and
/// <c>Platform:Mqtt:Bind</c> (default all interfaces) place the hosted MQTT broker; the rest are under <c>Platform:Smart</c>.
/// </summary>
public sealed class SmartOptions
{
    public int MqttPort { get; init; } = 1883;
    public string MqttBind { get; init; } = "0.0.0.0";

    /// <summary>A device whose profile says nothing goes offline after this many seconds without a message.</summary>
    public int OfflineAfterSeconds { get; init; } = 300;

    /// <summary>Readings are kept this many days (whole daily partitions are dropped after it); older readings are refused.</summary>
    public int RetentionDays { get; init; } = 30;

    /// <summary>Readings stamped more than this many seconds ahead of the server's clock are refused.</summary>
    public int FutureToleranceSeconds { get; init; } = 600;

    /// <summary>Rows per binary COPY.</summary>
    public int BatchSize { get; init; } = 10_000;

    /// <summary>The demo's 鹿溪河畔 devices publish simulated readings in-process (on with the demo, off on the command line and in the test hosts).</summary>
    public bool DemoPublisher { get; init; }

    /// <summary>How often the command sweeper looks for commands whose time-to-live ran out, in milliseconds.</summary>
    public int CommandSweepMilliseconds { get; init; } = 1000;

    public static SmartOptions From(IConfiguration c) => new()
    {
        MqttPort = c.GetValue("Platform:Mqtt:Port", 1883),
        MqttBind = c["Platform:Mqtt:Bind"] ?? "0.0.0.0",
        OfflineAfterSeconds = Math.Max(1, c.GetValue("Platform:Smart:OfflineAfterSeconds", 300)),
        RetentionDays = Math.Clamp(c.GetValue("Platform:Smart:RetentionDays", 30), 1, 3650),
        FutureToleranceSeconds = Math.Clamp(c.GetValue("Platform:Smart:FutureToleranceSeconds", 600), 0, 86_400),
        BatchSize = Math.Clamp(c.GetValue("Platform:Smart:BatchSize", 10_000), 100, 100_000),
        DemoPublisher = c.GetValue("Platform:Smart:DemoPublisher", c.GetValue("Platform:Demo", true) && !c.GetValue("Platform:Cli", false)),
        CommandSweepMilliseconds = Math.Clamp(c.GetValue("Platform:Smart:CommandSweepMilliseconds", 1000), 100, 60_000),
    };
}
