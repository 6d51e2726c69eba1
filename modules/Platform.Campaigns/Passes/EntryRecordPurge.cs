using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Campaigns.Passes;

/// <summary>
/// Forgets the people behind entries: every <see cref="EntryRecord"/> older than the retention period
/// (<c>Campaigns:EntryRetentionDays</c>, 28 by default) is deleted; the day counts stay.
/// </summary>
internal sealed class EntryRecordPurge(IDocumentStore store, TimeProvider clock, IConfiguration configuration)
{
    public TimeSpan Retention => TimeSpan.FromDays(Math.Clamp(configuration.GetValue("Campaigns:EntryRetentionDays", 28), 1, 3650));

    /// <summary>Deletes the entry records registered before now minus the retention period; answers how many there were.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow() - Retention;
        await using var session = store.LightweightSession();
        var old = await session.Query<EntryRecord>().CountAsync(e => e.At < cutoff, ct);
        if (old == 0)
            return 0;
        session.DeleteWhere<EntryRecord>(e => e.At < cutoff);
        await session.SaveChangesAsync(ct);
        return old;
    }
}

/// <summary>Runs <see cref="EntryRecordPurge"/> at start and every hour after (on the injected clock).</summary>
internal sealed class EntryPurgeSchedule(EntryRecordPurge purge, TimeProvider clock, ILogger<EntryPurgeSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                var purged = await purge.PurgeAsync(stoppingToken);
                if (purged > 0)
                    logger.LogInformation("Purged {Count} entry records older than {Days} days", purged, purge.Retention.TotalDays);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Entry purge failed, retried in an hour: {Error}", e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
