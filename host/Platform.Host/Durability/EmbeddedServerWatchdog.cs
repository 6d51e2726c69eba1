using Platform.Host.Database;

namespace Platform.Host.Durability;

/// <summary>
/// Restarts the embedded PostgreSQL when it dies under the running host (killed, crashed, stopped by hand), on
/// the same port and data, so the host recovers by itself: requests answer 503 meanwhile, and the next ones after
/// the restart are served again. An external server is only waited for (Npgsql reconnects by itself).
/// </summary>
internal sealed class EmbeddedServerWatchdog(PlatformDatabase database, ILogger<EmbeddedServerWatchdog> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        if (database.Embedded is not { } server || !server.Owned)
            return;
        var down = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(down ? 500 : 1000, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (server.IsRunning())
            {
                down = false;
                continue;
            }
            if (!down)
                logger.LogWarning("The embedded PostgreSQL is not running; restarting it");
            down = true;
            try
            {
                await server.RestartAsync(ct);
                logger.LogInformation("The embedded PostgreSQL runs again");
                down = false;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Typically: orphaned backends of the killed server still hold its shared memory for a moment.
                logger.LogDebug("Restarting the embedded PostgreSQL failed, retrying: {Error}", e.Message);
            }
        }
    }
}
