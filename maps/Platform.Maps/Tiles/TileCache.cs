using System.Collections.Concurrent;
using Platform.Abstractions.Maps;

namespace Platform.Maps.Tiles;

/// <summary>
/// Encoded tiles in memory, keyed by layer/z/x/y/date. Emptied as soon as <see cref="ChangeNotifier.Version"/>
/// moves (any committed event may change any layer), and when it grows past <see cref="MaxBytes"/>.
/// Concurrent requests for the same missing tile share one rendering.
/// </summary>
internal sealed class TileCache(ChangeNotifier changes)
{
    public const long MaxBytes = 256L * 1024 * 1024;

    private readonly object _gate = new();
    private ConcurrentDictionary<TileKey, Lazy<Task<EncodedTile>>> _tiles = new();
    private long _version = changes.Version;
    private long _bytes;

    public int Count => _tiles.Count;

    public async Task<(EncodedTile Tile, bool Hit)> GetAsync(TileKey key, Func<TileKey, Task<EncodedTile>> render)
    {
        var tiles = Current();
        if (tiles.TryGetValue(key, out var existing) && existing.Value.IsCompletedSuccessfully)
            return (existing.Value.Result, true);
        var candidate = new Lazy<Task<EncodedTile>>(() => render(key));
        var lazy = tiles.GetOrAdd(key, candidate);
        var mine = ReferenceEquals(lazy, candidate);
        try
        {
            var tile = await lazy.Value;
            if (mine && Interlocked.Add(ref _bytes, tile.Body.Length) > MaxBytes)
                Clear();
            return (tile, !mine);
        }
        catch
        {
            tiles.TryRemove(new KeyValuePair<TileKey, Lazy<Task<EncodedTile>>>(key, lazy));
            throw;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _tiles = new ConcurrentDictionary<TileKey, Lazy<Task<EncodedTile>>>();
            Interlocked.Exchange(ref _bytes, 0);
        }
    }

    private ConcurrentDictionary<TileKey, Lazy<Task<EncodedTile>>> Current()
    {
        var version = changes.Version;
        if (version == Interlocked.Read(ref _version))
            return _tiles;
        lock (_gate)
        {
            if (version != _version)
            {
                _tiles = new ConcurrentDictionary<TileKey, Lazy<Task<EncodedTile>>>();
                _bytes = 0;
                _version = version;
            }
            return _tiles;
        }
    }
}
