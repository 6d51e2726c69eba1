using Marten;

namespace Platform.Host.Plugins;

/// <summary>
/// Starts each plugin once the silo and the event store are up, unless it is disabled for this
/// deployment; a plugin that throws is marked failed. Also enables and disables plugins at run time.
/// </summary>
public sealed class PluginStarter(PluginCatalog catalog, IServiceProvider services, IDocumentStore store, ILogger<PluginStarter> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var query = store.QuerySession();
        var settings = (await query.Query<PluginSetting>().ToListAsync(cancellationToken)).ToDictionary(s => s.Id, s => s.Enabled);
        foreach (var entry in catalog.Usable.ToList())
        {
            // A deployment's own choice wins; without one, the manifest's default (examples stay off).
            if (!settings.GetValueOrDefault(entry.Id, entry.EnabledByDefault))
            {
                entry.Disable();
                logger.LogInformation("Plugin {Plugin} is disabled for this deployment", entry.Id);
                continue;
            }
            await StartOneAsync(entry, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Switches a plugin on or off and records who did it; answers null or why it cannot.</summary>
    public async Task<string?> SetEnabledAsync(PluginEntry entry, bool enabled, string user, CancellationToken ct)
    {
        if (entry.State == PluginState.Failed)
            return $"Plugin {entry.Id} failed ({entry.Reason}); fix it and restart before enabling it.";
        await using (var session = store.LightweightSession())
        {
            session.Store(new PluginSetting { Id = entry.Id, Enabled = enabled, ChangedBy = user, ChangedAt = DateTimeOffset.UtcNow });
            await session.SaveChangesAsync(ct);
        }
        if (!enabled)
        {
            entry.Disable();
            logger.LogInformation("Plugin {Plugin} disabled by {User}", entry.Id, user);
            return null;
        }
        if (entry.Started)
            entry.Run();
        else
            await StartOneAsync(entry, ct);
        logger.LogInformation("Plugin {Plugin} enabled by {User}", entry.Id, user);
        return entry.State == PluginState.Failed ? entry.Reason : null;
    }

    private async Task StartOneAsync(PluginEntry entry, CancellationToken ct)
    {
        try
        {
            await entry.Instance!.StartAsync(services, ct);
            entry.Run();
            logger.LogInformation("Plugin {Plugin} {Version} running", entry.Id, entry.Version);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            entry.Fail($"start: {e.GetType().Name}: {e.Message}");
            logger.LogError(e, "Plugin {Plugin} failed to start; the host and the other plugins keep running", entry.Id);
        }
    }
}
