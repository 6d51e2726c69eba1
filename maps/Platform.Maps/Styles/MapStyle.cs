using System.Globalization;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Maps;
using Platform.Maps.Tiles;

namespace Platform.Maps.Styles;

/// <summary>
/// A MapLibre style (style spec v8) over the combined tileset that draws the layers as the web map does
/// (maps/web/src/layers.js): the same colours per legend category, stroke widths, point radii, drawing order
/// and visibility on opening, and labels from each layer's label field — polygons labelled once, at the label
/// point the tiles carry in <c>{id}-labels</c>; points labelled beside their symbol; lines along themselves.
/// </summary>
internal static class MapStyle
{
    public const string Id = "web-map";
    public const string Source = "platform";

    /// <summary>The web map shows labels below 40 m per pixel, that is from level 12 on (156543 / 2^12 ≈ 38).</summary>
    public const int LabelMinZoom = 12;

    /// <summary>The font the style names; MapLibre GL JS draws CJK ideographs itself with its local font.</summary>
    public const string Font = "Noto Sans CJK SC Regular";

    public static object Build(string baseUri, IReadOnlyList<LayerDescriptor> layers, Envelope? extent)
    {
        var bounds = extent is { IsNull: false } e ? e : new Envelope(-180, 180, -85, 85);
        var style = new Dictionary<string, object?>
        {
            ["version"] = 8,
            ["name"] = "社区发展治理平台 / Community Development Platform",
            ["metadata"] = new Dictionary<string, object> { ["platform:legend"] = "GET /api/layers" },
            ["center"] = new[] { Math.Round(bounds.Centre.X, 6), Math.Round(bounds.Centre.Y, 6) },
            ["zoom"] = WebMercatorQuad.FittingLevel(bounds),
            ["sources"] = new Dictionary<string, object>
            {
                [Source] = new Dictionary<string, object>
                {
                    ["type"] = "vector",
                    ["tiles"] = new[] { $"{baseUri}/ogc/tiles/{WebMercatorQuad.Id}/{{z}}/{{y}}/{{x}}" },
                    ["minzoom"] = 0,
                    ["maxzoom"] = WebMercatorQuad.MaxAnnouncedLevel,
                    ["bounds"] = new[] { bounds.MinX, bounds.MinY, bounds.MaxX, bounds.MaxY }.Select(v => Math.Round(v, 6)).ToArray(),
                    ["attribution"] = "社区发展治理平台",
                },
            },
            ["glyphs"] = $"{baseUri}/api/maps/fonts/{{fontstack}}/{{range}}.pbf",
            ["layers"] = Layers(layers).ToArray(),
        };
        return style;
    }

    private static IEnumerable<object> Layers(IReadOnlyList<LayerDescriptor> layers)
    {
        yield return new Dictionary<string, object> { ["id"] = "background", ["type"] = "background", ["paint"] = new Dictionary<string, object> { ["background-color"] = "#f4f3ee" } };
        foreach (var d in layers)
        {
            var kind = d.GeometryType.ToLowerInvariant();
            var s = d.Style;
            if (kind.Contains("polygon"))
            {
                if (ThemeColours(d, 0.8) is var fill && HasVisibleFill(d))
                    yield return Layer(d, d.Id, "fill", d.Id, new() { ["fill-color"] = fill });
                yield return Layer(d, d.Id + "-outline", "line", d.Id, new() { ["line-color"] = Colour(s.Stroke, 1), ["line-width"] = Math.Max(s.StrokeWidth, 0.5) });
            }
            else if (kind.Contains("line"))
            {
                yield return Layer(d, d.Id, "line", d.Id, new() { ["line-color"] = s.ThemeField is null ? Colour(s.Stroke, 1) : ThemeColours(d, 1), ["line-width"] = Math.Max(s.StrokeWidth, 1) },
                    new() { ["line-join"] = "round", ["line-cap"] = "round" });
            }
            else
            {
                yield return Layer(d, d.Id, "circle", d.Id, new()
                {
                    ["circle-radius"] = Math.Max(s.PointRadius, 4),
                    ["circle-color"] = ThemeColours(d, 1),
                    ["circle-stroke-color"] = Colour(s.Stroke, 1),
                    ["circle-stroke-width"] = Math.Max(s.StrokeWidth, 0.5),
                });
            }
        }
        // Labels above every area, line and point, as the web map's decluttered text is.
        foreach (var d in layers.Where(l => l.Style.LabelField is not null))
            yield return Label(d);
    }

    private static Dictionary<string, object> Label(LayerDescriptor d)
    {
        var kind = d.GeometryType.ToLowerInvariant();
        var layout = new Dictionary<string, object>
        {
            ["text-field"] = new object[] { "to-string", new object[] { "get", d.Style.LabelField! } },
            ["text-font"] = new[] { Font },
            ["text-size"] = 12,
        };
        if (kind.Contains("line"))
            layout["symbol-placement"] = "line";
        else if (kind.Contains("point"))
        {
            // Beside the symbol, not on it: the radius plus a gap, in ems of the 12 px text.
            layout["text-variable-anchor"] = new[] { "left", "right", "top", "bottom" };
            layout["text-radial-offset"] = Math.Round((Math.Max(d.Style.PointRadius, 4) + 3) / 12.0, 2);
            layout["text-justify"] = "auto";
        }
        var source = MvtEncoder.HasLabelPoints(d) ? MvtEncoder.LabelLayerName(d.Id) : d.Id;
        var layer = Layer(d, d.Id + "-label", "symbol", source, new()
        {
            ["text-color"] = "#2c3e50",
            ["text-halo-color"] = "#ffffff",
            ["text-halo-width"] = 1.5,
        }, layout);
        layer["minzoom"] = LabelMinZoom;
        return layer;
    }

    private static Dictionary<string, object> Layer(LayerDescriptor d, string id, string type, string sourceLayer, Dictionary<string, object> paint, Dictionary<string, object>? layout = null)
    {
        layout ??= [];
        layout["visibility"] = d.VisibleByDefault ? "visible" : "none";
        return new Dictionary<string, object>
        {
            ["id"] = id,
            ["type"] = type,
            ["source"] = Source,
            ["source-layer"] = sourceLayer,
            ["metadata"] = new Dictionary<string, object> { ["platform:layer"] = d.Id, ["platform:title"] = d.TitleZh },
            ["layout"] = layout,
            ["paint"] = paint,
        };
    }

    /// <summary>The legend as a match expression on the theme field (its value as text), the layer's fill otherwise.</summary>
    private static object ThemeColours(LayerDescriptor d, double opacity)
    {
        var s = d.Style;
        if (s.ThemeField is null || s.Legend.Count == 0)
            return Colour(s.Fill, opacity);
        var match = new List<object> { "match", new object[] { "to-string", new object[] { "get", s.ThemeField } } };
        foreach (var entry in s.Legend.DistinctBy(e => e.Value))
        {
            match.Add(entry.Value);
            match.Add(Colour(entry.Color, opacity));
        }
        match.Add(Colour(s.Fill, opacity));
        return match;
    }

    private static bool HasVisibleFill(LayerDescriptor d) =>
        Alpha(d.Style.Fill, 1) > 0 || (d.Style.ThemeField is not null && d.Style.Legend.Any(e => Alpha(e.Color, 1) > 0));

    /// <summary>CSS hex (#rgb, #rgba, #rrggbb, #rrggbbaa) as rgba(); the hex's own alpha wins over <paramref name="opacity"/>, as in the web map.</summary>
    public static string Colour(string css, double opacity)
    {
        var hex = Expand(css);
        var r = Convert.ToInt32(hex[..2], 16);
        var g = Convert.ToInt32(hex[2..4], 16);
        var b = Convert.ToInt32(hex[4..6], 16);
        return string.Create(CultureInfo.InvariantCulture, $"rgba({r},{g},{b},{Math.Round(Alpha(css, opacity), 3)})");
    }

    private static double Alpha(string css, double opacity)
    {
        var hex = Expand(css);
        return hex.Length >= 8 ? Convert.ToInt32(hex[6..8], 16) / 255.0 : opacity;
    }

    private static string Expand(string css)
    {
        var hex = (string.IsNullOrEmpty(css) ? "#000" : css).TrimStart('#');
        return hex.Length <= 4 ? string.Concat(hex.Select(c => $"{c}{c}")) : hex;
    }
}
