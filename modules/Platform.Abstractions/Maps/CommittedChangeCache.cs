namespace Platform.Abstractions.Maps;

/// <summary>
/// Values derived from the store (a layer's features and their index, the units in force on a date), kept until the
/// next committed change (<see cref="ChangeNotifier.Version"/>) and computed once for concurrent callers.
/// </summary>
/// <remarks>
/// The version is read before a value is computed, so a commit that lands while it is computed makes the next call
/// compute it again: a stale value is never kept. A failed computation is not kept either. At most
/// <see cref="MaxEntries"/> keys are held per version (keys are dates; a time slider asks for many).
/// The notifier counts commits of this process; a cluster of silos needs it fed by the others' commits too.
/// </remarks>
public sealed class CommittedChangeCache<TKey, TValue>(ChangeNotifier changes) where TKey : notnull
{
    public const int MaxEntries = 64;

    private readonly Lock _gate = new();
    private long _version = -1;
    private Dictionary<TKey, Task<TValue>> _values = [];

    /// <summary>The value for <paramref name="key"/> as of the last committed change, computing it with <paramref name="compute"/> when needed.</summary>
    public Task<TValue> GetAsync(TKey key, Func<TKey, Task<TValue>> compute)
    {
        var version = changes.Version;
        Task<TValue> task;
        lock (_gate)
        {
            if (version < _version)
                return compute(key);
            if (version > _version || _values.Count >= MaxEntries)
            {
                _values = [];
                _version = version;
            }
            if (_values.TryGetValue(key, out var cached) && !cached.IsFaulted && !cached.IsCanceled)
                return cached;
            task = compute(key);
            _values[key] = task;
        }
        return task;
    }
}
