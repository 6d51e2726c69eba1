using Npgsql;
using Platform.Abstractions.Maps;
using Platform.Host.Database;

namespace Platform.Host.Maps;

/// <summary>
/// Hears the commits of other processes on the same database (the other silos of a cluster, a CLI verb beside the
/// host) through PostgreSQL <c>LISTEN</c>, and bumps the <see cref="ChangeNotifier"/>, so tiles, coverage and the
/// territory are recomputed within moments of a write anywhere. After a lost connection it bumps once on
/// reconnecting, since notifications sent meanwhile are lost.
/// </summary>
internal sealed class ChangeFeed(PlatformDatabase database, ChangeNotifier notifier, ILogger<ChangeFeed> logger) : BackgroundService
{
    public const string Channel = "platform_changes";

    /// <summary>Tags this process's own notifications, which it has already counted after its commit.</summary>
    public static readonly string ProcessTag = Guid.NewGuid().ToString("N");

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            Pooling = false,
            KeepAlive = 5,
        };
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                connection.Notification += (_, e) =>
                {
                    if (e.Payload != ProcessTag)
                        notifier.Changed();
                };
                await connection.OpenAsync(ct);
                await using (var listen = new NpgsqlCommand($"listen {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(ct);
                if (failures > 0)
                {
                    logger.LogInformation("Listening for other processes' commits again");
                    notifier.Changed();
                }
                failures = 0;
                while (!ct.IsCancellationRequested)
                    await connection.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException or InvalidOperationException)
            {
                if (failures++ == 0)
                    logger.LogWarning("Lost the database connection that hears other processes' commits: {Error}", e.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(200 * failures, 2000)), ct).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }
}
