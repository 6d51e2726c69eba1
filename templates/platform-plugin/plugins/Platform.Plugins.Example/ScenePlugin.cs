using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Maps;
using Platform.Abstractions.Plugins;
using Platform.Abstractions.Reports;
using Platform.Plugins.Example;
using Platform.Plugins.Example.Demo;
using Platform.Plugins.Example.Maps;
using Platform.Plugins.Example.Places;
using Platform.Plugins.Example.Reports;

// The manifest: read by the host before anything of the plugin runs.
[assembly: ScenarioPlugin(typeof(ScenePlugin),
    Id = "example-id", NameZh = "示例场景", NameEn = "Example scene",
    Version = "0.1.0", SdkVersion = "[1.5,2.0)")]

namespace Platform.Plugins.Example;

/// <summary>The entry point: the layer and report section, the event type and its projection, the endpoints and the demo.</summary>
public sealed class ScenePlugin : IScenarioPlugin
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IMapLayer, PlaceLayer>();
        services.AddSingleton<IReportSection, PlaceReportSection>();
    }

    public void ConfigureEventStore(StoreOptions options)
    {
        options.Events.MapEventType<PlaceRecorded>(PlaceRecorded.Alias);
        options.Projections.Add(new PlaceProjection(), ProjectionLifecycle.Inline);
    }

    public void MapEndpoints(IEndpointRouteBuilder scene) => scene.MapPlaceEndpoints();

    public Task StartAsync(IServiceProvider services, CancellationToken cancellationToken) => PlaceDemo.SeedAsync(services, cancellationToken);
}
