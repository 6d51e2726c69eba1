using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Abstractions.Maps;
using Platform.Maps.Benchmark;
using Platform.Maps.Export;
using Platform.Maps.Layers;
using Platform.Maps.Ogc;
using Platform.Maps.Print;
using Platform.Maps.Statistics;
using Platform.Maps.Tiles;
using Platform.Maps.Web;

namespace Platform.Maps;

/// <summary>
/// The map surfaces over <see cref="ILayerCatalog"/>: OGC API – Features at <c>/ogc</c>, vector tiles at
/// <c>/tiles</c>, exports, statistics, search and printed maps under <c>/api/maps</c>, and the web map at <c>/</c>.
/// Every surface works for any <see cref="IMapLayer"/> from its descriptor alone.
/// </summary>
public static class MapsModule
{
    /// <summary>Registers the map services. Needs <see cref="ILayerCatalog"/> and <see cref="ChangeNotifier"/> from the host.</summary>
    public static IServiceCollection AddPlatformMaps(this IServiceCollection services)
    {
        services.TryAddSingleton<ChangeNotifier>();
        services.AddSingleton<LayerReader>();
        services.AddSingleton<TileCache>();
        services.AddSingleton<CollectionExtents>();
        services.AddSingleton<WebMapAssets>();
        services.AddSingleton<CommunityStatistics>();
        services.AddSingleton<PrintedMapComposer>();
        // Benchmark-only: Platform:Maps:BenchmarkBuildings=N adds a synthetic layer of N building footprints.
        if (SyntheticBuildingsLayer.FromConfiguration(HostConfiguration(services)) is { } synthetic)
            services.AddSingleton(synthetic);
        return services;
    }

    /// <summary>
    /// The host's configuration while services are still being registered: the builder registers it as an instance or
    /// as a factory that ignores its argument; otherwise the environment and command line, which is all the benchmark uses.
    /// </summary>
    private static IConfiguration HostConfiguration(IServiceCollection services)
    {
        var descriptor = services.LastOrDefault(d => d.ServiceType == typeof(IConfiguration));
        if (descriptor?.ImplementationInstance is IConfiguration instance)
            return instance;
        try
        {
            if (descriptor?.ImplementationFactory?.Invoke(null!) is IConfiguration made)
                return made;
        }
        catch (NullReferenceException)
        {
        }
        return new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(Environment.GetCommandLineArgs()[1..]).Build();
    }

    /// <summary>Maps <c>/ogc</c>, <c>/tiles</c>, <c>/api/maps/*</c> and the web map at <c>/</c>.</summary>
    public static IEndpointRouteBuilder MapPlatformMaps(this IEndpointRouteBuilder app)
    {
        app.MapOgcFeatures();
        app.MapVectorTiles();
        app.MapExport();
        app.MapStatistics();
        app.MapPrint();
        app.MapWebMap();
        return app;
    }
}
