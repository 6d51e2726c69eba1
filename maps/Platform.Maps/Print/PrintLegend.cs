using Platform.Abstractions.Maps;
using SkiaSharp;

namespace Platform.Maps.Print;

/// <summary>
/// The legend box, laid out from measured text: its width is the widest line (within a cap), a line too wide for the
/// cap is broken between its Chinese and English parts and, if still too wide, set smaller — never cut. When the lines
/// do not fit the box's height, all sizes shrink together (down to half); what still does not fit is counted on a last line.
/// </summary>
internal sealed class PrintLegend
{
    private const string Ink = "#1f2d3d";

    private const string Title = "图例 Legend";

    private readonly List<Line> _lines;
    private readonly float _height;
    private readonly float _pad;

    private PrintLegend(List<Line> lines, float width, float height, float pad)
    {
        _lines = lines;
        Width = width;
        _height = height;
        _pad = pad;
    }

    /// <summary>Width of the box in page pixels.</summary>
    public float Width { get; }

    // Unit: page pixels per CSS pixel at this line's size (for its swatch).
    private sealed record Line(string Text, float Size, bool Bold, float Indent, float Baseline, float Unit, LayerDescriptor? Layer = null, string? Swatch = null);

    private sealed record Item(string Zh, string En, bool Header, LayerDescriptor Layer, string? Colour);

    public static PrintLegend Layout(MapContent content, IReadOnlyDictionary<string, PrintTheme> themes, CjkFont font, float scale, float maxWidth, float height)
    {
        var items = new List<Item>();
        // Topmost layer first, as readers expect.
        foreach (var (layer, _) in content.Layers.Reverse())
        {
            items.Add(new Item(layer.TitleZh, layer.TitleEn, true, layer, null));
            items.AddRange(themes[layer.Id].Entries.Select(e => new Item(e.LabelZh, e.LabelEn, false, layer, e.Color)));
        }
        var pad = 12 * scale;
        var minWidth = 180 * scale;
        var natural = Math.Max(font.Measure(Title, 15 * scale, true),
            items.Select(i => Indent(i, scale) + font.Measure(Joined(i), Size(i, scale), i.Header)).DefaultIfEmpty(0).Max());
        var width = Math.Clamp(natural + 2 * pad + 1, minWidth, Math.Max(maxWidth, minWidth));
        var inner = width - 2 * pad;

        for (var k = 1f; ; k *= 0.9f)
        {
            var unit = scale * k;
            var lines = new List<Line>();
            var line = 19 * unit;
            var y = 26 * unit;
            lines.Add(new Line(Title, PrintedMapComposer.Fitted(font, Title, 15 * unit, inner, true), true, 0, y, unit));
            y += line * 1.3f;
            var left = 0;
            for (var n = 0; n < items.Count; n++)
            {
                var item = items[n];
                if (item.Header && n > 0)
                    y += line * 0.35f;
                var size = Size(item, scale) * k;
                var indent = Indent(item, scale) * k;
                var room = inner - indent;
                string[] parts = font.Measure(Joined(item), size, item.Header) <= room || item.En.Length == 0 ? [Joined(item)] : [item.Zh, item.En];
                if (y + (parts.Length - 1) * line * 0.85f > height - line * 1.6f)
                {
                    left = items.Count - n;
                    break;
                }
                for (var p = 0; p < parts.Length; p++)
                {
                    lines.Add(new Line(parts[p], PrintedMapComposer.Fitted(font, parts[p], size, room, item.Header), item.Header, indent, y, unit,
                        p == 0 ? item.Layer : null, p == 0 ? item.Colour : null));
                    y += p < parts.Length - 1 ? line * 0.85f : line;
                }
            }
            if (left > 0 && k > 0.5f)
                continue;
            if (left > 0)
            {
                var more = $"另有 {left} 项未列出 ({left} more)";
                lines.Add(new Line(more, PrintedMapComposer.Fitted(font, more, 10.5f * unit, inner, false), false, 0, y, unit));
            }
            return new PrintLegend(lines, width, height, pad);
        }
    }

    public void Draw(IPageCanvas canvas, SKPoint topLeft)
    {
        canvas.Begin("legend");
        var box = new SKRect(topLeft.X, topLeft.Y, topLeft.X + Width, topLeft.Y + _height);
        canvas.Path([[new(box.Left, box.Top), new(box.Right, box.Top), new(box.Right, box.Bottom), new(box.Left, box.Bottom)]], true, "#ffffff", "#95a5a6", _pad / 12);
        foreach (var line in _lines)
        {
            if (line.Layer is { } layer && line.Swatch is { } colour)
                Swatch(canvas, box.Left + _pad + 4 * line.Unit, box.Top + line.Baseline - 11 * line.Unit, layer, colour, line.Unit);
            canvas.Text(box.Left + _pad + line.Indent, box.Top + line.Baseline, line.Text, line.Size, line.Bold || line.Indent == 0 ? Ink : "#2c3e50", TextAnchor.Start, bold: line.Bold);
        }
        canvas.End();
    }

    private static string Joined(Item i) => i.En.Length == 0 ? i.Zh : $"{i.Zh} {i.En}";

    private static float Size(Item i, float scale) => (i.Header ? 11.5f : 10.5f) * scale;

    private static float Indent(Item i, float scale) => i.Header ? 0 : 34 * scale;

    private static void Swatch(IPageCanvas canvas, float x, float y, LayerDescriptor layer, string colour, float unit)
    {
        float w = 22 * unit, h = 13 * unit;
        var style = layer.Style;
        var stroke = (float)Math.Max(style.StrokeWidth, 0.8) * unit;
        if (layer.GeometryType.Contains("Point", StringComparison.OrdinalIgnoreCase))
            canvas.Circle(x + w / 2, y + h / 2, (float)Math.Clamp(style.PointRadius, 3, 6) * unit, colour, style.Stroke, 1 * unit);
        else if (layer.GeometryType.Contains("Line", StringComparison.OrdinalIgnoreCase))
            canvas.Path([[new(x, y + h / 2), new(x + w, y + h / 2)]], false, null, style.ThemeField is null ? style.Stroke : colour, Math.Max(stroke, 2 * unit));
        else
            canvas.Path([[new(x, y), new(x + w, y), new(x + w, y + h), new(x, y + h)]], true, colour, style.Stroke, stroke);
    }
}
