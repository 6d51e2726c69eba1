using System.Security.Cryptography;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.VectorTiles;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using Platform.Abstractions.Maps;

namespace Platform.Maps.Tiles;

/// <summary>
/// Encodes features (EPSG:4490 lon/lat, taken as WGS 84 — sub-metre apart) into one Mapbox vector tile of the
/// Web Mercator grid; the library projects lon/lat to tile pixels. Geometries reaching far outside the tile are
/// clipped to the tile plus a buffer of <see cref="BufferFraction"/> of its width, so borders join cleanly.
/// </summary>
internal static class MvtEncoder
{
    public const uint Extent = 4096;
    public const double BufferFraction = 1.0 / 16;

    /// <summary>The attribute that carries the feature id (string ids do not fit MVT's integer id).</summary>
    public const string IdAttribute = "fid";

    public static NetTopologySuite.IO.VectorTiles.Tiles.Tile? Grid(int z, int x, int y)
    {
        if (z is < 0 or > 24 || x < 0 || y < 0 || x >= 1 << z || y >= 1 << z)
            return null;
        return new NetTopologySuite.IO.VectorTiles.Tiles.Tile(x, y, z);
    }

    /// <summary>The tile's area plus buffer, in lon/lat degrees.</summary>
    public static Envelope BufferedBounds(NetTopologySuite.IO.VectorTiles.Tiles.Tile tile)
    {
        var dx = (tile.Right - tile.Left) * BufferFraction;
        var dy = (tile.Top - tile.Bottom) * BufferFraction;
        return new Envelope(tile.Left - dx, tile.Right + dx, tile.Bottom - dy, tile.Top + dy);
    }

    public static EncodedTile Encode(NetTopologySuite.IO.VectorTiles.Tiles.Tile tile, string layerName, IEnumerable<MapFeature> features)
    {
        var bounds = BufferedBounds(tile);
        var clip = Platform.Spatial.StorageCrs.Factory.ToGeometry(bounds);
        var layer = new Layer { Name = layerName };
        foreach (var f in features)
        {
            if (!bounds.Intersects(f.Geometry.EnvelopeInternal) || ClipTo(f.Geometry, bounds, clip) is not { IsEmpty: false } g)
                continue;
            var attributes = new AttributesTable { { IdAttribute, f.Id } };
            foreach (var (key, value) in f.Properties)
            {
                if (Attribute(value) is { } v && key != IdAttribute)
                    attributes.Add(key, v);
            }
            layer.Features.Add(new Feature(g, attributes));
        }
        var vt = new VectorTile { TileId = tile.Id };
        if (layer.Features.Count > 0)
            vt.Layers.Add(layer);
        using var stream = new MemoryStream();
        // Named arguments: positional ones bind to the wrong overload and silently give empty tiles.
        vt.Write(stream, minLinealExtent: 1, minPolygonalExtent: 2, extent: Extent, idAttributeName: "__none__");
        var body = stream.ToArray();
        return new EncodedTile(body, $"\"{Convert.ToHexString(SHA256.HashData(body).AsSpan(0, 12))}\"", layer.Features.Count);
    }

    private static Geometry? ClipTo(Geometry g, Envelope bounds, Geometry clip)
    {
        if (bounds.Contains(g.EnvelopeInternal) || g is Point or MultiPoint)
            return g;
        try
        {
            return g.Intersection(clip);
        }
        catch (TopologyException)
        {
            return g;
        }
    }

    private static object? Attribute(object? value) => value switch
    {
        null => null,
        string or bool or int or long or float or double => value,
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        decimal m => (double)m,
        _ => Layers.LayerReader.Text(value),
    };
}
