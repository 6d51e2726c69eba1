using System.Globalization;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Maps;

namespace Platform.Maps.Tiles;

/// <summary>
/// The documents that describe a tileset: TileJSON 3.0.0 and OGC API – Tiles tileset metadata (OGC 17-083r4 §8,
/// OGC 20-057 §7). <paramref name="Layers"/> are the map layers whose MVT layers the tiles hold.
/// </summary>
/// <param name="Title">Tileset title in Chinese.</param>
/// <param name="Description">Tileset description (English title).</param>
/// <param name="Self">URI of the tileset metadata (…/tiles/WebMercatorQuad).</param>
/// <param name="TileTemplate">Tile URI template with <c>{z}</c>, <c>{y}</c>, <c>{x}</c>.</param>
/// <param name="Layers">The map layers of the tileset.</param>
/// <param name="Extent">Union of the layers' extents (lon/lat), null when they hold nothing.</param>
internal sealed record TileSetDocuments(string Title, string Description, string Self, string TileTemplate, IReadOnlyList<LayerDescriptor> Layers, Envelope? Extent)
{
    public const string TilingSchemeRel = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";
    public const string VectorTilesetsRel = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector";

    /// <summary>The street of the demo when nothing is stored yet, so clients still get a sensible view.</summary>
    private Envelope Bounds => Extent is { IsNull: false } e ? e : new Envelope(-180, 180, -85.0511287798, 85.0511287798);

    public object TileJson()
    {
        var b = Bounds;
        return new Dictionary<string, object?>
        {
            ["tilejson"] = "3.0.0",
            ["name"] = Title,
            ["description"] = Description,
            ["version"] = "1.0.0",
            ["scheme"] = "xyz",
            ["tiles"] = new[] { OgcToXyz(TileTemplate) },
            ["minzoom"] = 0,
            ["maxzoom"] = WebMercatorQuad.MaxAnnouncedLevel,
            ["bounds"] = new[] { b.MinX, b.MinY, b.MaxX, b.MaxY }.Select(Round).ToArray(),
            ["center"] = new[] { Round(b.Centre.X), Round(b.Centre.Y), WebMercatorQuad.FittingLevel(b) },
            ["vector_layers"] = VectorLayers().ToArray(),
        };
    }

    /// <summary>TileJSON vector_layers: each map layer, then its label points where it has them; fields name → type.</summary>
    private IEnumerable<object> VectorLayers()
    {
        foreach (var d in Layers)
        {
            var fields = Fields(d).ToDictionary(f => f.Name, f => f.Type is "number" or "integer" ? "Number" : f.Type == "boolean" ? "Boolean" : "String");
            yield return new { id = d.Id, description = $"{d.TitleZh} / {d.TitleEn}", minzoom = 0, maxzoom = WebMercatorQuad.MaxAnnouncedLevel, fields };
            if (MvtEncoder.HasLabelPoints(d))
                yield return new { id = MvtEncoder.LabelLayerName(d.Id), description = $"{d.TitleZh}（注记点）/ {d.TitleEn} (label points)", minzoom = 0, maxzoom = WebMercatorQuad.MaxAnnouncedLevel, fields };
        }
    }

    public object TileSet(string tileJsonHref)
    {
        var b = Bounds;
        return new Dictionary<string, object?>
        {
            ["title"] = Title,
            ["description"] = Description,
            ["dataType"] = "vector",
            ["crs"] = WebMercatorQuad.Crs,
            ["tileMatrixSetURI"] = WebMercatorQuad.Uri,
            ["tileMatrixSetLimits"] = WebMercatorQuad.Limits(b),
            ["boundingBox"] = new { lowerLeft = new[] { Round(b.MinX), Round(b.MinY) }, upperRight = new[] { Round(b.MaxX), Round(b.MaxY) }, crs = WebMercatorQuad.Crs84 },
            ["centerPoint"] = new { coordinates = new[] { Round(b.Centre.X), Round(b.Centre.Y) }, tileMatrix = WebMercatorQuad.FittingLevel(b).ToString(CultureInfo.InvariantCulture), crs = WebMercatorQuad.Crs84 },
            ["layers"] = Layers.Select(d => new
            {
                id = d.Id,
                title = d.TitleZh,
                description = d.TitleEn,
                dataType = "vector",
                geometryDimension = d.GeometryType.Contains("Point", StringComparison.OrdinalIgnoreCase) ? 0 : d.GeometryType.Contains("Line", StringComparison.OrdinalIgnoreCase) ? 1 : 2,
                propertiesSchema = new
                {
                    type = "object",
                    properties = Fields(d).ToDictionary(f => f.Name, f => new { type = f.Type == "date" ? "string" : f.Type, title = f.TitleZh, description = f.TitleEn }),
                },
            }).ToArray(),
            ["links"] = new object[]
            {
                new { href = Self, rel = "self", type = "application/json", title = Title },
                new { href = TilingScheme(Self), rel = TilingSchemeRel, type = "application/json", title = "WebMercatorQuad" },
                new { href = TileTemplate, rel = "item", type = TileEndpoints.MvtType, title = "Mapbox vector tile", templated = true },
                new { href = tileJsonHref, rel = "describedby", type = "application/json", title = "TileJSON 3.0.0" },
            },
        };
    }

    /// <summary>The list of tilesets (one: WebMercatorQuad) at <paramref name="listHref"/>.</summary>
    public object TileSetList(string listHref) => new
    {
        links = new[] { new { href = listHref, rel = "self", type = "application/json", title = Title } },
        tilesets = new[]
        {
            new
            {
                title = Title,
                dataType = "vector",
                crs = WebMercatorQuad.Crs,
                tileMatrixSetURI = WebMercatorQuad.Uri,
                links = new object[]
                {
                    new { href = Self, rel = "self", type = "application/json", title = Title },
                    new { href = TilingScheme(Self), rel = TilingSchemeRel, type = "application/json", title = "WebMercatorQuad" },
                    new { href = TileTemplate, rel = "item", type = TileEndpoints.MvtType, title = "Mapbox vector tile", templated = true },
                },
            },
        },
    };

    private static IEnumerable<LayerField> Fields(LayerDescriptor d) =>
        d.Fields.Where(f => f.Name != MvtEncoder.IdAttribute).Append(new LayerField(MvtEncoder.IdAttribute, "string", "标识", "Id"));

    private static string TilingScheme(string self) => self[..self.IndexOf("/ogc/", StringComparison.Ordinal)] + "/ogc/tileMatrixSets/" + WebMercatorQuad.Id;

    private static string OgcToXyz(string template) => template.Replace("{tileMatrix}", "{z}").Replace("{tileRow}", "{y}").Replace("{tileCol}", "{x}");

    private static double Round(double v) => Math.Round(v, 7);
}
