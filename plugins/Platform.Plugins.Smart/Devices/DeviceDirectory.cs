using System.Collections.Concurrent;
using Marten;

namespace Platform.Plugins.Smart.Devices;

/// <summary>
/// Access-token hash → device, in memory for the broker and the HTTP telemetry endpoint (one lookup per connection or
/// request, no database round trip). Loaded at start from the device documents and kept current by the device grain,
/// the single writer of tokens, after each install, rotation and retirement (one silo: the grain and the broker share
/// this process).
/// </summary>
public sealed class DeviceDirectory
{
    private readonly ConcurrentDictionary<string, Guid> _byHash = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, string> _hashOf = new();

    public async Task LoadAsync(IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        foreach (var d in await session.Query<DeviceView>().Where(d => d.TokenHash != null).ToListAsync(ct))
            if (d.RetiredOn is null)
                Set(d.Id, d.TokenHash);
    }

    /// <summary>The device whose token this is, or null.</summary>
    public Guid? Find(string? token) =>
        AccessTokens.LooksLikeToken(token) && _byHash.TryGetValue(AccessTokens.Hash(token!), out var id) ? id : null;

    /// <summary>Records the device's current token hash (null: it has none any more).</summary>
    public void Set(Guid device, string? hash)
    {
        if (_hashOf.TryRemove(device, out var old))
            _byHash.TryRemove(old, out _);
        if (hash is null)
            return;
        _byHash[hash] = device;
        _hashOf[device] = hash;
    }
}
