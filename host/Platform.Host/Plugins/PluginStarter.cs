namespace Platform.Host.Plugins;

/// <summary>Starts each plugin once the silo and the event store are up; a plugin that throws is marked failed.</summary>
internal sealed class PluginStarter(PluginCatalog catalog, IServiceProvider services, ILogger<PluginStarter> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in catalog.Usable.ToList())
        {
            try
            {
                await entry.Instance!.StartAsync(services, cancellationToken);
                entry.Run();
                logger.LogInformation("Plugin {Plugin} {Version} running", entry.Id, entry.Version);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                entry.Fail($"start: {e.GetType().Name}: {e.Message}");
                logger.LogError(e, "Plugin {Plugin} failed to start; the host and the other plugins keep running", entry.Id);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
