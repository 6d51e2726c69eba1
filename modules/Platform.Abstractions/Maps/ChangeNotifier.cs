namespace Platform.Abstractions.Maps;

/// <summary>
/// Counts committed changes to the store, so caches of derived data (vector tiles, coverage) can tell
/// whether they are stale. The host bumps it after every Marten commit.
/// </summary>
public sealed class ChangeNotifier
{
    private long _version;

    /// <summary>Increases with every committed change.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Called by the host after a commit.</summary>
    public void Changed() => Interlocked.Increment(ref _version);
}
