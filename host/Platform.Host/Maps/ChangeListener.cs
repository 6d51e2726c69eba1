using Marten;
using Marten.Services;
using Platform.Abstractions.Maps;

namespace Platform.Host.Maps;

/// <summary>Bumps the <see cref="ChangeNotifier"/> after each Marten commit, so caches of derived data know they are stale.</summary>
internal sealed class ChangeListener(ChangeNotifier notifier) : DocumentSessionListenerBase
{
    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        notifier.Changed();
        return Task.CompletedTask;
    }
}
