using Marten;
using Marten.Services;
using Platform.Abstractions.Maps;

namespace Platform.Host.Maps;

/// <summary>
/// Bumps the <see cref="ChangeNotifier"/> after each Marten commit, so caches of derived data know they are stale,
/// and tells the other silos: a <c>pg_notify</c> queued into the commit's own transaction, so it is delivered
/// exactly when (and only if) the change is committed (<see cref="ChangeFeed"/> hears it there).
/// </summary>
internal sealed class ChangeListener(ChangeNotifier notifier) : DocumentSessionListenerBase
{
    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        session.QueueSqlCommand("select pg_notify(?, ?)", ChangeFeed.Channel, ChangeFeed.ProcessTag);
        return Task.CompletedTask;
    }

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        notifier.Changed();
        return Task.CompletedTask;
    }
}
