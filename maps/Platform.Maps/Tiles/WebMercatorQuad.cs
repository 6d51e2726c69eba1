using NetTopologySuite.Geometries;

namespace Platform.Maps.Tiles;

/// <summary>
/// The OGC WebMercatorQuad tile matrix set (OGC 17-083r4 Annex D.1, EPSG:3857, 256-pixel tiles, top-left origin),
/// levels 0–24, and the row/column ranges of a lon/lat extent.
/// </summary>
internal static class WebMercatorQuad
{
    public const string Id = "WebMercatorQuad";
    public const string Uri = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
    public const string Crs = "http://www.opengis.net/def/crs/EPSG/0/3857";
    public const string Crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    public const int MaxLevel = 24;

    /// <summary>The deepest level the tilesets announce; clients zoom further on these tiles' geometry.</summary>
    public const int MaxAnnouncedLevel = 16;

    private const double HalfWorld = 20037508.3427892;
    private const double ScaleDenominator0 = 559082264.028717;
    private const double CellSize0 = 156543.033928041;

    public static object Definition(string self) => new Dictionary<string, object>
    {
        ["id"] = Id,
        ["title"] = "Google Maps Compatible for the World",
        ["uri"] = Uri,
        ["crs"] = Crs,
        ["orderedAxes"] = new[] { "X", "Y" },
        ["wellKnownScaleSet"] = "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible",
        ["tileMatrices"] = Enumerable.Range(0, MaxLevel + 1).Select(z => new Dictionary<string, object>
        {
            ["id"] = z.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["scaleDenominator"] = ScaleDenominator0 / (1L << z),
            ["cellSize"] = CellSize0 / (1L << z),
            ["cornerOfOrigin"] = "topLeft",
            ["pointOfOrigin"] = new[] { -HalfWorld, HalfWorld },
            ["tileWidth"] = 256,
            ["tileHeight"] = 256,
            ["matrixWidth"] = 1L << z,
            ["matrixHeight"] = 1L << z,
        }).ToArray(),
        ["links"] = new[] { new { href = self, rel = "self", type = "application/json", title = "WebMercatorQuad" } },
    };

    /// <summary>Column and row of the tile holding a lon/lat point at level <paramref name="z"/>.</summary>
    public static (long Col, long Row) TileOf(double lon, double lat, int z)
    {
        var n = 1L << z;
        lat = Math.Clamp(lat, -85.0511287798, 85.0511287798);
        var col = (long)Math.Floor((lon + 180) / 360 * n);
        var rad = lat * Math.PI / 180;
        var row = (long)Math.Floor((1 - Math.Log(Math.Tan(rad) + 1 / Math.Cos(rad)) / Math.PI) / 2 * n);
        return (Math.Clamp(col, 0, n - 1), Math.Clamp(row, 0, n - 1));
    }

    /// <summary>OGC tileMatrixSetLimits covering <paramref name="extent"/> for levels 0 to <see cref="MaxAnnouncedLevel"/>.</summary>
    public static object[] Limits(Envelope extent) => Enumerable.Range(0, MaxAnnouncedLevel + 1).Select(z =>
    {
        var (minCol, minRow) = TileOf(extent.MinX, extent.MaxY, z);
        var (maxCol, maxRow) = TileOf(extent.MaxX, extent.MinY, z);
        return (object)new { tileMatrix = z.ToString(System.Globalization.CultureInfo.InvariantCulture), minTileRow = minRow, maxTileRow = maxRow, minTileCol = minCol, maxTileCol = maxCol };
    }).ToArray();

    /// <summary>A level at which the extent fills about a 1024-pixel view.</summary>
    public static int FittingLevel(Envelope extent)
    {
        var lat = (extent.MinY + extent.MaxY) / 2 * Math.PI / 180;
        var span = Math.Max(extent.Width, extent.Height / Math.Max(Math.Cos(lat), 0.1));
        if (span <= 0)
            return MaxAnnouncedLevel;
        return Math.Clamp((int)Math.Floor(Math.Log2(360 * 4 / span)), 0, MaxAnnouncedLevel);
    }
}
