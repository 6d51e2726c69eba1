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

    /// <summary>One layer's tile: an MVT layer named like the map layer (the layer id).</summary>
    public static EncodedTile Encode(NetTopologySuite.IO.VectorTiles.Tiles.Tile tile, LayerDescriptor layer, IEnumerable<MapFeature> features) =>
        Encode(tile, [(layer, features)]);

    /// <summary>
    /// One tile holding one MVT layer per map layer (named by the layer id), and for each polygon layer with a
    /// <see cref="LayerStyle.LabelField"/> a point layer <c>{id}-labels</c> (see <see cref="LabelLayerName"/>).
    /// </summary>
    public static EncodedTile Encode(NetTopologySuite.IO.VectorTiles.Tiles.Tile tile, IEnumerable<(LayerDescriptor Layer, IEnumerable<MapFeature> Features)> layers)
    {
        var bounds = BufferedBounds(tile);
        var clip = Platform.Spatial.StorageCrs.Factory.ToGeometry(bounds);
        var vt = new VectorTile { TileId = tile.Id };
        var count = 0;
        foreach (var (descriptor, features) in layers)
        {
            var layer = new Layer { Name = descriptor.Id };
            var labels = HasLabelPoints(descriptor) ? new Layer { Name = LabelLayerName(descriptor.Id) } : null;
            foreach (var f in features)
            {
                if (!bounds.Intersects(f.Geometry.EnvelopeInternal) || ClipTo(f.Geometry, bounds, clip) is not { IsEmpty: false } g)
                    continue;
                var attributes = Attributes(f);
                layer.Features.Add(new Feature(g, attributes));
                if (labels is not null && LabelPoint(f, descriptor.Style.LabelField!, tile) is { } point)
                    labels.Features.Add(new Feature(point, Attributes(f)));
            }
            count += layer.Features.Count;
            if (layer.Features.Count > 0)
                vt.Layers.Add(layer);
            if (labels is { Features.Count: > 0 })
                vt.Layers.Add(labels);
        }
        using var stream = new MemoryStream();
        // Named arguments: positional ones bind to the wrong overload and silently give empty tiles.
        vt.Write(stream, minLinealExtent: 1, minPolygonalExtent: 2, extent: Extent, idAttributeName: "__none__");
        var body = stream.ToArray();
        return new EncodedTile(body, $"\"{Convert.ToHexString(SHA256.HashData(body).AsSpan(0, 12))}\"", count);
    }

    /// <summary>The MVT layer of one label point per labelled polygon: <c>{layerId}-labels</c>.</summary>
    public static string LabelLayerName(string layerId) => layerId + "-labels";

    /// <summary>Polygon layers with a label field get a label-point layer; lines and points are labelled along or beside themselves.</summary>
    public static bool HasLabelPoints(LayerDescriptor d) =>
        d.Style.LabelField is not null && d.GeometryType.Contains("Polygon", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The label point of a polygon: its interior point (inside the whole polygon, not the tile's clipped piece),
    /// given only to the one tile whose own area (half-open, west and north edges included) contains it, so a
    /// client draws one label per feature however many tiles the polygon spans.
    /// </summary>
    private static Point? LabelPoint(MapFeature f, string field, NetTopologySuite.IO.VectorTiles.Tiles.Tile tile)
    {
        if (Layers.LayerReader.Text(f.Properties.GetValueOrDefault(field)) is not { Length: > 0 } || f.Geometry.IsEmpty)
            return null;
        var p = f.Geometry.InteriorPoint;
        var inside = p.X >= tile.Left && p.X < tile.Right && p.Y <= tile.Top && p.Y > tile.Bottom;
        return inside ? p : null;
    }

    private static AttributesTable Attributes(MapFeature f)
    {
        var attributes = new AttributesTable { { IdAttribute, f.Id } };
        foreach (var (key, value) in f.Properties)
        {
            if (Attribute(value) is { } v && key != IdAttribute)
                attributes.Add(key, v);
        }
        return attributes;
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
