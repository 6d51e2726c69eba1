using Microsoft.Extensions.DependencyInjection;

namespace Platform.Spatial;

/// <summary>Registers the spatial layer's settings with dependency injection.</summary>
public static class SpatialServiceCollectionExtensions
{
    /// <summary>
    /// Configures <see cref="GeometryValidationOptions"/> (street extent, vertex limit) used by
    /// <c>POST /api/spatial/validate</c>. Without this call the endpoint uses the defaults.
    /// </summary>
    public static IServiceCollection AddSpatial(this IServiceCollection services, Action<GeometryValidationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<GeometryValidationOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return services;
    }
}
