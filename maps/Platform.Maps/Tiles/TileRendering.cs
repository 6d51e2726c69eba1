using NetTopologySuite.Geometries;
using Platform.Abstractions.Maps;
using Platform.Maps.Layers;
using Platform.Maps.Ogc;

namespace Platform.Maps.Tiles;

/// <summary>
/// Renders and caches the tiles of one layer or of every active layer together (the combined tileset), and
/// gives the extents both announce. Temporal layers answer as of the date (today when none is given).
/// </summary>
internal sealed class TileRendering(LayerReader reader, TileCache cache, OgcFeatureSource features)
{
    /// <summary>The cache key's layer for the combined tileset (no layer id contains '*').</summary>
    public const string AllLayers = "*";

    public ILayerCatalog Catalog => reader.Catalog;

    public Task<(EncodedTile Tile, bool Hit)> LayerTileAsync(IMapLayer layer, NetTopologySuite.IO.VectorTiles.Tiles.Tile tile, DateOnly? date)
    {
        var key = new TileKey(layer.Descriptor.Id, tile.Zoom, tile.X, tile.Y, layer.Descriptor.Temporal ? LayerReader.Effective(date) : null);
        return cache.GetAsync(key, async k =>
        {
            var features = await reader.ReadAsync(layer, MvtEncoder.BufferedBounds(tile), k.Date, null, CancellationToken.None);
            return MvtEncoder.Encode(tile, layer.Descriptor, features);
        });
    }

    public Task<(EncodedTile Tile, bool Hit)> CombinedTileAsync(NetTopologySuite.IO.VectorTiles.Tiles.Tile tile, DateOnly? date)
    {
        var key = new TileKey(AllLayers, tile.Zoom, tile.X, tile.Y, LayerReader.Effective(date));
        return cache.GetAsync(key, async k =>
        {
            var layers = new List<(LayerDescriptor, IEnumerable<MapFeature>)>();
            foreach (var layer in Ordered(reader.Catalog.Active))
                layers.Add((layer.Descriptor, await reader.ReadAsync(layer, MvtEncoder.BufferedBounds(tile), k.Date, null, CancellationToken.None)));
            return MvtEncoder.Encode(tile, layers);
        });
    }

    /// <summary>Layers in drawing order (areas, lines, points), then by id.</summary>
    public static IEnumerable<IMapLayer> Ordered(IEnumerable<IMapLayer> layers) =>
        layers.OrderBy(l => l.Descriptor.Order).ThenBy(l => l.Descriptor.Id, StringComparer.Ordinal);

    /// <summary>The union of the layers' extents as of today (EPSG:4490 lon/lat), or null when all are empty.</summary>
    public async Task<Envelope?> ExtentAsync(IEnumerable<IMapLayer> layers, CancellationToken ct)
    {
        Envelope? union = null;
        foreach (var layer in layers)
        {
            if ((await features.SnapshotAsync(layer, null, ct)).Extent is { } e)
            {
                union ??= new Envelope();
                union.ExpandToInclude(e);
            }
        }
        return union;
    }
}
