using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Abstractions.Plugins;

/// <summary>
/// The entry point of a scenario plugin. The host calls the members in this order, once each:
/// <see cref="ConfigureServices"/> and <see cref="ConfigureEventStore"/> while the process is
/// being composed (before the Orleans silo is built), <see cref="MapEndpoints"/> when routes are
/// mapped, and <see cref="StartAsync"/> once the silo and the event store are running.
/// An exception from any of them marks the plugin <c>failed</c> with its message; the host and
/// the other plugins keep running.
/// </summary>
public interface IScenarioPlugin
{
    /// <summary>Registers the plugin's services. Grains are found by Orleans without registration here.</summary>
    void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    /// <summary>
    /// Registers event types and projections. Give every event an explicit, namespaced alias
    /// (<c>options.Events.MapEventType&lt;PlotClaimed&gt;("eco.plot_claimed")</c>): Marten's default
    /// alias is the bare class name, and two plugins would collide.
    /// </summary>
    void ConfigureEventStore(StoreOptions options)
    {
    }

    /// <summary>
    /// Maps HTTP endpoints. <paramref name="scene"/> is already prefixed with
    /// <c>/api/scenes/{id}</c> and answers 404 while the plugin is not running.
    /// </summary>
    void MapEndpoints(IEndpointRouteBuilder scene)
    {
    }

    /// <summary>Runs once after the silo and the event store have started (seed data, warm caches).</summary>
    Task StartAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;
}
