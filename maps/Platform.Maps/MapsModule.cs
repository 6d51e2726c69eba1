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
using Platform.Maps.Styles;
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
    /// <summary>
    /// Registers the map services. Needs <see cref="ILayerCatalog"/> and <see cref="ChangeNotifier"/> from the host;
    /// <paramref name="configuration"/> is the host's, read once here (the benchmark switch).
    /// </summary>
    public static IServiceCollection AddPlatformMaps(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<ChangeNotifier>();
        services.AddSingleton<LayerReader>();
        services.AddSingleton<TileCache>();
        services.AddSingleton<OgcFeatureSource>();
        services.AddSingleton<TileRendering>();
        services.AddSingleton<WebMapAssets>();
        services.AddSingleton<CommunityStatistics>();
        services.AddSingleton<PrintedMapComposer>();
        // Benchmark-only: Platform:Maps:BenchmarkBuildings=N adds a synthetic layer of N building footprints.
        if (SyntheticBuildingsLayer.FromConfiguration(configuration) is { } synthetic)
            services.AddSingleton(synthetic);
        return services;
    }

    /// <summary>Maps <c>/ogc</c>, <c>/tiles</c>, <c>/api/maps/*</c> and the web map at <c>/</c>.</summary>
    public static IEndpointRouteBuilder MapPlatformMaps(this IEndpointRouteBuilder app)
    {
        app.MapOgcFeatures();
        app.MapVectorTiles();
        app.MapMapStyles();
        app.MapExport();
        app.MapStatistics();
        app.MapPrint();
        app.MapWebMap();
        return app;
    }
}
