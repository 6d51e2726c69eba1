using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Abstractions.Cli;
using Platform.Abstractions.Maps;
using Platform.Abstractions.Plugins;
using Platform.Abstractions.Reports;
using Platform.Abstractions.Web;
using Platform.Plugins.Smart;
using Platform.Plugins.Smart.Alarms;
using Platform.Plugins.Smart.Cli;
using Platform.Plugins.Smart.Commands;
using Platform.Plugins.Smart.Demo;
using Platform.Plugins.Smart.Devices;
using Platform.Plugins.Smart.Incidents;
using Platform.Plugins.Smart.Live;
using Platform.Plugins.Smart.Maps;
using Platform.Plugins.Smart.Profiles;
using Platform.Plugins.Smart.Projects;
using Platform.Plugins.Smart.Reports;
using Platform.Plugins.Smart.Telemetry;
using Platform.Plugins.Smart.Settings;
using Platform.Plugins.Smart.Gateway;

[assembly: ScenarioPlugin(typeof(SmartPlugin),
    Id = "smart", NameZh = "智慧场景", NameEn = "Smart scene",
    Version = "1.2.0", SdkVersion = "[1.5,2.0)")]

namespace Platform.Plugins.Smart;

/// <summary>
/// The smart scene: smart-compound projects and their devices (人脸识别门禁, 测温, 摄像头, 道闸, 信息发布屏, 服务机器人),
/// telemetry in over MQTT (a broker hosted in the platform) and HTTP in ThingsBoard's device API, alarm rules per device
/// profile, commands to devices, incidents of the command centre, the live map, and the figures of the annual report.
/// </summary>
public sealed class SmartPlugin : IScenarioPlugin
{
    private bool _demo = true;
    private int _started;

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        _demo = configuration.GetValue("Platform:Demo", true);
        var options = SmartOptions.From(configuration);
        services.AddSingleton(options);
        services.AddSingleton<DeviceDirectory>();
        services.AddSingleton<ProfileCache>();
        services.AddSingleton<IProfileUsers, DeviceProfileUsers>();
        services.AddSingleton<LiveFeed>();
        services.AddSingleton<AlarmNotifier>();
        services.AddSingleton<TelemetryStore>();
        services.AddSingleton<TelemetryIngest>();
        services.AddSingleton<CommandDispatch>();
        services.AddSingleton<MqttBroker>();
        services.AddSingleton<DemoPublisher>();
        services.TryAddTimeProvider();
        services.AddSingleton<IMapLayer, DeviceLayer>();
        services.AddSingleton<IReportSection, DeviceReportSection>();
        services.AddSingleton<IReportSection, SmartCompoundReportSection>();
        services.AddSingleton<ICliVerb, SimulateVerb>();
        services.AddSingleton<IStartupFilter, ThingsBoardPaths>();
        services.AddSingleton(new WebMenuEntry("smart-command", "智慧治理指挥中心", "Command centre", "/command.html", 60));
    }

    public void ConfigureEventStore(StoreOptions options)
    {
        options.Events.MapEventType<DeviceInstalled>("smart.device_installed");
        options.Events.MapEventType<DeviceStatusReported>("smart.device_status_reported");
        options.Events.MapEventType<DeviceTokenRotated>("smart.device_token_rotated");
        options.Events.MapEventType<DeviceRetired>("smart.device_retired");
        options.Events.MapEventType<ProfileCreated>("smart.profile_created");
        options.Events.MapEventType<ProfileRulesChanged>("smart.profile_rules_changed");
        options.Events.MapEventType<AlarmRaised>("smart.alarm_raised");
        options.Events.MapEventType<AlarmAcknowledged>("smart.alarm_acknowledged");
        options.Events.MapEventType<AlarmCleared>("smart.alarm_cleared");
        options.Events.MapEventType<AlarmAssigned>("smart.alarm_assigned");
        options.Events.MapEventType<AlarmCommented>("smart.alarm_commented");
        options.Events.MapEventType<CommandQueued>("smart.command_queued");
        options.Events.MapEventType<CommandSent>("smart.command_sent");
        options.Events.MapEventType<CommandDelivered>("smart.command_delivered");
        options.Events.MapEventType<CommandAnswered>("smart.command_answered");
        options.Events.MapEventType<CommandExpired>("smart.command_expired");
        options.Events.MapEventType<CommandFailed>("smart.command_failed");
        options.Events.MapEventType<ProjectStarted>("smart.project_started");
        options.Events.MapEventType<ProjectStageReached>("smart.project_stage_reached");
        options.Events.MapEventType<IncidentReported>("smart.incident_reported");
        options.Events.MapEventType<IncidentDispatched>("smart.incident_dispatched");
        options.Events.MapEventType<IncidentStatusChanged>("smart.incident_status_changed");
        options.Projections.Add(new DeviceProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new ProfileProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new AlarmProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new CommandProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new ProjectProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new IncidentProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<DeviceView>().Index(d => d.TokenHash);
        options.Schema.For<AlarmView>().Index(a => a.DeviceId);
        options.Schema.For<CommandView>().Index(c => c.DeviceId).Index(c => c.State);
    }

    public void MapEndpoints(IEndpointRouteBuilder scene)
    {
        scene.MapDeviceEndpoints();
        scene.MapSmartEndpoints();
    }

    public async Task StartAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        if (_demo)
            await SmartDemo.SeedAsync(services.GetRequiredService<IGrainFactory>(), store, cancellationToken);
        // Enabled again after being disabled: the broker, the COPY writer and the sweeps are still running.
        if (Interlocked.Exchange(ref _started, 1) == 1)
            return;
        Pseudonyms.Load(services.GetRequiredService<IConfiguration>()["Platform:DataDir"]);
        await services.GetRequiredService<DeviceDirectory>().LoadAsync(store, cancellationToken);
        var telemetry = services.GetRequiredService<TelemetryStore>();
        await telemetry.StartAsync(cancellationToken);
        var broker = services.GetRequiredService<MqttBroker>();
        await broker.StartAsync();
        var dispatch = services.GetRequiredService<CommandDispatch>();
        dispatch.Start();
        var demo = services.GetRequiredService<DemoPublisher>();
        if (_demo && services.GetRequiredService<SmartOptions>().DemoPublisher)
            demo.Start();
        services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() =>
        {
            demo.Stop();
            dispatch.Stop();
            broker.StopAsync().GetAwaiter().GetResult();
            telemetry.StopAsync().GetAwaiter().GetResult();
        });
    }
}

/// <summary>
/// ThingsBoard's HTTP device API lives at <c>/api/v1/{accessToken}/…</c>; a plugin's routes are under <c>/api/scenes/smart</c>,
/// so the path is rewritten before routing: devices configured for ThingsBoard post unchanged.
/// </summary>
internal sealed class ThingsBoardPaths : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, nextMiddleware) =>
        {
            if (http.Request.Path.StartsWithSegments("/api/v1", StringComparison.Ordinal))
                http.Request.Path = "/api/scenes/smart" + http.Request.Path;
            return nextMiddleware(http);
        });
        next(app);
    };
}

internal static class TimeProviderRegistration
{
    public static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(s => s.ServiceType != typeof(TimeProvider)))
            services.AddSingleton(TimeProvider.System);
    }
}
