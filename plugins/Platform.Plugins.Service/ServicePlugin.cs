using Marten;
using JasperFx.Events.Projections;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Maps;
using Platform.Abstractions.Plugins;
using Platform.Abstractions.Reports;
using Platform.Abstractions.Web;
using Platform.Plugins.Service;
using Platform.Plugins.Service.Coverage;
using Platform.Plugins.Service.LifeCircles;
using Platform.Plugins.Service.Projects;

[assembly: ScenarioPlugin(typeof(ServicePlugin),
    Id = "service", NameZh = "服务场景", NameEn = "Service scene",
    Version = "1.3.0", SdkVersion = "[1.3,2.0)")]

namespace Platform.Plugins.Service;

/// <summary>
/// The service scene (服务场景): where public services fall short of the community life circle
/// (GB 50180-2018), where a new facility would serve the most households, and the scene's projects
/// (party-mass service centres, shared ground-floor spaces 架空层).
/// </summary>
public sealed class ServicePlugin : IScenarioPlugin
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<CoverageService>();
        services.AddSingleton<IMapLayer, GapLayer>();
        services.AddSingleton<IMapLayer, ServiceProjectLayer>();
        services.AddSingleton<IReportSection, CoverageReportSection>();
        // Built from web/*.panel.js by the web map's vite build (docs/plugins.md, "Web panels").
        services.AddSingleton(new WebPanel("coverage", "生活圈覆盖", "Life-circle coverage", "/panels/Platform.Plugins.Service/coverage.js", 100));
        services.AddSingleton(new WebPanel("siting", "设施选址", "Siting a facility", "/panels/Platform.Plugins.Service/siting.js", 110));
    }

    public void ConfigureEventStore(StoreOptions options)
    {
        options.Events.MapEventType<StandardAdjusted>("service.standard_adjusted");
        options.Events.MapEventType<ServiceProjectRegistered>("service.project_registered");
        options.Events.MapEventType<ServiceProjectStatusChanged>("service.project_status_changed");
        options.Projections.Add(new ServiceProjectProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new StandardInForceProjection(), ProjectionLifecycle.Inline);
    }

    public void MapEndpoints(IEndpointRouteBuilder scene) => ServiceEndpoints.Map(scene);

    public async Task StartAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!services.GetRequiredService<IConfiguration>().GetValue("Platform:Demo", true))
            return;
        var store = services.GetRequiredService<IDocumentStore>();
        await using (var query = store.QuerySession())
        {
            if (await query.Query<ServiceProject>().AnyAsync(cancellationToken))
                return;
        }
        var grains = services.GetRequiredService<IGrainFactory>();
        var context = CommandContext.System("演示数据（示意）：服务场景项目");
        (string Name, string Kind, string Compound, double Lon, double Lat, double Area, string Status)[] demo =
        [
            ("人才公寓架空层共享书房", "ground_floor_space", "人才公寓", 104.0548, 30.4146, 260, "open"),
            ("中交悦湖架空层儿童之家", "ground_floor_space", "中交悦湖", 104.0835, 30.4126, 320, "under_renovation"),
            ("北鑫苑架空层老年活动室", "ground_floor_space", "北鑫苑", 104.0966, 30.3846, 280, "open"),
            ("保水逸苑架空层议事厅", "ground_floor_space", "保水逸苑", 104.0966, 30.4116, 180, "planned"),
            ("三根松社区党群服务中心", "party_mass_center", "北鑫苑", 104.0940, 30.3810, 1500, "under_renovation"),
            ("天明社区党群服务中心", "party_mass_center", "华府锦城", 104.0420, 30.4280, 1200, "open"),
        ];
        foreach (var p in demo)
        {
            await grains.GetGrain<IServiceProjectGrain>(Guid.NewGuid()).RegisterAsync(
                new RegisterServiceProject(p.Name, p.Kind, p.Compound, p.Lon, p.Lat, p.Area, p.Status, new DateOnly(2025, 6, 1)), context);
        }
    }
}
