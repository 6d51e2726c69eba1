using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Governance.Complaints;

namespace Platform.Governance.Escalation;

/// <summary>
/// Once the host has started, sets the escalation reminder of every complaint that can still escalate. With a persistent
/// reminder store this changes nothing (the reminders are there); with the in-memory one it carries the timers across a restart.
/// The grains decide from the records whether anything is due, so a reminder set twice escalates once.
/// </summary>
internal sealed class EscalationTimers(IHostApplicationLifetime lifetime, IDocumentStore store, IGrainFactory grains, ILogger<EscalationTimers> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var _ = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
        await using var session = store.QuerySession();
        var open = await session.Query<Complaint>()
            .Where(c => c.Status != ComplaintStatus.Closed && c.RespondedAt == null)
            .Select(c => c.Id).ToListAsync(stoppingToken);
        foreach (var id in open)
            await grains.GetGrain<IComplaintGrain>(id).ArmAsync();
        logger.LogInformation("Escalation timers set for {Count} open complaints", open.Count);
    }
}
