using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Maps;
using Platform.Abstractions.Plugins;
using Platform.Abstractions.Reports;
using Platform.Plugins.Smart;
using Platform.Plugins.Smart.Demo;
using Platform.Plugins.Smart.Devices;
using Platform.Plugins.Smart.Maps;
using Platform.Plugins.Smart.Reports;

[assembly: ScenarioPlugin(typeof(SmartPlugin),
    Id = "smart", NameZh = "智慧场景", NameEn = "Smart scene",
    Version = "1.1.0", SdkVersion = "[1.2,2.0)")]

namespace Platform.Plugins.Smart;

/// <summary>
/// The smart scene: smart-compound devices (人脸识别门禁, 测温, 摄像头, 道闸, 信息发布屏, 服务机器人) per compound,
/// with their status as reported, on the map and in the annual report.
/// </summary>
public sealed class SmartPlugin : IScenarioPlugin
{
    private bool _demo = true;

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        _demo = configuration.GetValue("Platform:Demo", true);
        services.AddSingleton<IMapLayer, DeviceLayer>();
        services.AddSingleton<IReportSection, DeviceReportSection>();
    }

    public void ConfigureEventStore(StoreOptions options)
    {
        options.Events.MapEventType<DeviceInstalled>("smart.device_installed");
        options.Events.MapEventType<DeviceStatusReported>("smart.device_status_reported");
        options.Projections.Add(new DeviceProjection(), ProjectionLifecycle.Inline);
    }

    public void MapEndpoints(IEndpointRouteBuilder scene) => scene.MapDeviceEndpoints();

    public async Task StartAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (_demo)
            await SmartDemo.SeedAsync(services.GetRequiredService<IGrainFactory>(), services.GetRequiredService<IDocumentStore>(), cancellationToken);
    }
}
