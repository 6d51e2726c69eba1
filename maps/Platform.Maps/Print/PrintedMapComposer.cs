using System.Globalization;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Maps;
using Platform.Maps.Layers;
using Platform.Spatial;
using SkiaSharp;

namespace Platform.Maps.Print;

/// <summary>Paper size and orientation of a printed map; pixels at <see cref="Dpi"/>.</summary>
internal sealed record PageSize(string Name, bool Landscape)
{
    public const float Dpi = 150;

    public int Width => Px(Landscape ? LongMm : ShortMm);

    public int Height => Px(Landscape ? ShortMm : LongMm);

    private double LongMm => Name == "A3" ? 420 : 297;

    private double ShortMm => Name == "A3" ? 297 : 210;

    private static int Px(double mm) => (int)Math.Round(mm / 25.4 * Dpi);
}

/// <summary>The layers and features of one printed map, read before drawing.</summary>
internal sealed record MapContent(PrintPreset Preset, DateOnly Date, IReadOnlyList<(LayerDescriptor Layer, IReadOnlyList<MapFeature> Features)> Layers, IReadOnlyList<string> Skipped);

/// <summary>
/// Composes a printed distribution map: title, the map in the local CGCS2000 Gauss–Krüger zone, legend naming every
/// layer shown, scale bar in metres, north arrow (grid north of the zone), date, data note and source.
/// </summary>
internal sealed class PrintedMapComposer(LayerReader reader)
{
    private const float Scale = PageSize.Dpi / 96f;
    private const string Ink = "#1f2d3d";

    public async Task<MapContent> ReadAsync(PrintPreset preset, DateOnly? date, CancellationToken ct)
    {
        var layers = new List<(LayerDescriptor, IReadOnlyList<MapFeature>)>();
        var skipped = new List<string>();
        foreach (var id in preset.Layers)
        {
            if (reader.Catalog.Find(id) is not { } layer)
            {
                skipped.Add(id);
                continue;
            }
            layers.Add((layer.Descriptor, await reader.ReadAsync(layer, null, date, null, ct)));
        }
        return new MapContent(preset, LayerReader.Effective(date), layers, skipped);
    }

    public void Draw(IPageCanvas canvas, MapContent content, PageSize page, CjkFont font)
    {
        float w = page.Width, h = page.Height, margin = 36 * Scale;
        var legendWidth = Math.Max(230 * Scale, w * 0.22f);
        var titleBand = 70 * Scale;
        var footerBand = 40 * Scale;
        var frame = new SKRect(margin, margin + titleBand, w - margin - legendWidth - 14 * Scale, h - margin - footerBand);

        canvas.Text(w / 2, margin + 30 * Scale, content.Preset.TitleZh, 26 * Scale, Ink, TextAnchor.Middle, bold: true);
        canvas.Text(w / 2, margin + 52 * Scale, content.Preset.TitleEn, 13 * Scale, "#4a5a6a", TextAnchor.Middle);

        var envelope = new Envelope();
        foreach (var (_, features) in content.Layers)
            foreach (var f in features)
                envelope.ExpandToInclude(f.Geometry.EnvelopeInternal);
        if (envelope.IsNull)
            envelope = new Envelope(104.03, 104.11, 30.37, 30.43);
        var zone = MetricZone.For(envelope.Centre.X);
        var toZone = CoordinateTransformer.Create(StorageCrs.Code, zone.Code);
        var projected = content.Layers.Select(l => (l.Layer, Features: l.Features.Select(f => (f, G: toZone.Transform(f.Geometry))).ToList())).ToList();
        var extent = new Envelope();
        foreach (var (_, features) in projected)
            foreach (var (_, g) in features)
                extent.ExpandToInclude(g.EnvelopeInternal);
        if (extent.IsNull)
            extent = toZone.Transform(StorageCrs.Factory.ToGeometry(envelope)).EnvelopeInternal;
        var pad = 16 * Scale;
        var s = (float)Math.Min((frame.Width - 2 * pad) / Math.Max(extent.Width, 1), (frame.Height - 2 * pad) / Math.Max(extent.Height, 1));
        var (cx, cy) = (extent.Centre.X, extent.Centre.Y);
        SKPoint ToPage(Coordinate c) => new(frame.MidX + (float)(c.X - cx) * s, frame.MidY - (float)(c.Y - cy) * s);

        canvas.Path([[new(frame.Left, frame.Top), new(frame.Right, frame.Top), new(frame.Right, frame.Bottom), new(frame.Left, frame.Bottom)]], true, "#fbfcfd", null, 0);
        canvas.Clip(frame);
        var labels = new List<(LayerStyle Style, Geometry G, string Text)>();
        foreach (var (layer, features) in projected)
        {
            var style = layer.Style;
            foreach (var (feature, g) in features)
            {
                var colour = ThemeColour(style, feature);
                DrawGeometry(canvas, g, style, colour, ToPage);
                if (style.LabelField is { } field && LayerReader.Text(feature.Properties.GetValueOrDefault(field)) is { Length: > 0 } label && g is IPolygonal)
                    labels.Add((style, g, label));
            }
        }
        var placed = new List<SKRect>();
        for (var i = labels.Count - 1; i >= 0; i--)
        {
            var (_, g, text) = labels[i];
            var p = ToPage(g.InteriorPoint.Coordinate);
            var size = 11 * Scale;
            var half = font.Measure(text, size, false) / 2;
            var box = new SKRect(p.X - half, p.Y - size, p.X + half, p.Y + size / 3);
            if (placed.Any(r => r.IntersectsWith(box)) || !frame.Contains(box))
                continue;
            placed.Add(box);
            canvas.Text(p.X, p.Y, text, size, "#2c3e50", TextAnchor.Middle, halo: "#ffffff");
        }
        canvas.Unclip();
        canvas.Path([[new(frame.Left, frame.Top), new(frame.Right, frame.Top), new(frame.Right, frame.Bottom), new(frame.Left, frame.Bottom)]], true, null, Ink, 1.2f * Scale);

        DrawNorthArrow(canvas, frame.Right - 30 * Scale, frame.Top + 18 * Scale);
        DrawScaleBar(canvas, frame, s);
        DrawLegend(canvas, new SKRect(frame.Right + 14 * Scale, frame.Top, w - margin, frame.Bottom), content, font);

        var footerY = h - margin - footerBand / 2 + 4 * Scale;
        var date = content.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        canvas.Text(margin, footerY, $"数据日期 Date：{date}　　坐标系：CGCS2000 / 3 度带高斯–克吕格 {zone.Code}（中央经线 {zone.CentralMeridian:0}°E）",
            10 * Scale, "#34495e", TextAnchor.Start);
        canvas.Text(margin, footerY + 15 * Scale, $"说明：{content.Preset.NoteZh}。Note: {content.Preset.NoteEn}.　来源：社区发展治理平台 Source: Community Development Platform",
            9 * Scale, "#5d6d7e", TextAnchor.Start);
    }

    private static string ThemeColour(LayerStyle style, MapFeature feature)
    {
        if (style.ThemeField is { } field && LayerReader.Text(feature.Properties.GetValueOrDefault(field)) is { } value
            && style.Legend.FirstOrDefault(e => e.Value == value) is { } entry)
            return entry.Color;
        return style.Fill;
    }

    private static void DrawGeometry(IPageCanvas canvas, Geometry g, LayerStyle style, string colour, Func<Coordinate, SKPoint> toPage)
    {
        var width = (float)Math.Max(style.StrokeWidth, 0.5) * Scale;
        switch (g)
        {
            case Polygon p:
                var rings = new List<SKPoint[]> { p.ExteriorRing.Coordinates.Select(toPage).ToArray() };
                rings.AddRange(p.InteriorRings.Select(r => r.Coordinates.Select(toPage).ToArray()));
                canvas.Path(rings, true, colour, style.Stroke, width);
                break;
            case LineString l:
                canvas.Path([l.Coordinates.Select(toPage).ToArray()], false, null, style.ThemeField is null ? style.Stroke : colour, width);
                break;
            case Point pt:
                var c = toPage(pt.Coordinate);
                canvas.Circle(c.X, c.Y, (float)Math.Max(style.PointRadius, 3) * Scale, colour, style.Stroke, 1 * Scale);
                break;
            case GeometryCollection multi:
                foreach (var part in multi.Geometries)
                    DrawGeometry(canvas, part, style, colour, toPage);
                break;
        }
    }

    private static void DrawNorthArrow(IPageCanvas canvas, float x, float y)
    {
        var size = 22 * Scale;
        canvas.Path([[new(x, y), new(x + size / 2.6f, y + size * 1.5f), new(x, y + size * 1.15f)]], true, Ink, Ink, 1);
        canvas.Path([[new(x, y), new(x - size / 2.6f, y + size * 1.5f), new(x, y + size * 1.15f)]], true, "#ffffff", Ink, 1);
        canvas.Text(x, y + size * 1.5f + 14 * Scale, "北 N", 11 * Scale, Ink, TextAnchor.Middle, bold: true, halo: "#ffffff");
    }

    /// <summary>A bar of a round length (1, 2 or 5 × 10ⁿ m) near a fifth of the frame; <paramref name="pxPerMetre"/> is exact in the zone.</summary>
    private static void DrawScaleBar(IPageCanvas canvas, SKRect frame, float pxPerMetre)
    {
        var target = frame.Width / 5 / pxPerMetre;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(target)));
        var metres = new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).Last(m => m <= target);
        var length = (float)(metres * pxPerMetre);
        float x = frame.Left + 18 * Scale, y = frame.Bottom - 20 * Scale, height = 6 * Scale;
        canvas.Path([[new(x - 6 * Scale, y - 26 * Scale), new(x + length + 60 * Scale, y - 26 * Scale), new(x + length + 60 * Scale, y + height + 8 * Scale), new(x - 6 * Scale, y + height + 8 * Scale)]],
            true, "#ffffffcc", null, 0);
        for (var i = 0; i < 4; i++)
        {
            var a = x + length * i / 4;
            var b = x + length * (i + 1) / 4;
            canvas.Path([[new(a, y), new(b, y), new(b, y + height), new(a, y + height)]], true, i % 2 == 0 ? Ink : "#ffffff", Ink, 1);
        }
        var label = metres >= 1000 ? $"{metres / 1000:0.###} 千米 km" : $"{metres:0} 米 m";
        canvas.Text(x, y - 6 * Scale, "0", 10 * Scale, Ink, TextAnchor.Middle);
        canvas.Text(x + length, y - 6 * Scale, label.Split(' ')[0], 10 * Scale, Ink, TextAnchor.Middle);
        canvas.Text(x + length + 8 * Scale, y + height, string.Join(' ', label.Split(' ')[1..]), 10 * Scale, Ink, TextAnchor.Start);
        var denominator = 1 / pxPerMetre / (0.0254 / PageSize.Dpi);
        var rounded = Math.Round(denominator / Math.Pow(10, Math.Floor(Math.Log10(denominator)) - 1)) * Math.Pow(10, Math.Floor(Math.Log10(denominator)) - 1);
        canvas.Text(x + length / 2, y - 6 * Scale, $"1:{rounded.ToString("#,0", CultureInfo.InvariantCulture)}", 9 * Scale, "#5d6d7e", TextAnchor.Middle);
    }

    private static void DrawLegend(IPageCanvas canvas, SKRect box, MapContent content, CjkFont font)
    {
        canvas.Path([[new(box.Left, box.Top), new(box.Right, box.Top), new(box.Right, box.Bottom), new(box.Left, box.Bottom)]], true, "#ffffff", "#95a5a6", 1 * Scale);
        float x = box.Left + 12 * Scale, y = box.Top + 26 * Scale, line = 19 * Scale;
        canvas.Text(x, y, "图例 Legend", 15 * Scale, Ink, TextAnchor.Start, bold: true);
        y += line * 1.3f;
        // Topmost layer first, as readers expect.
        foreach (var (layer, _) in content.Layers.Reverse())
        {
            if (y > box.Bottom - line)
                break;
            canvas.Text(x, y, Fit(font, $"{layer.TitleZh} {layer.TitleEn}", 11.5f * Scale, box.Width - 24 * Scale, true), 11.5f * Scale, Ink, TextAnchor.Start, bold: true);
            y += line;
            var entries = layer.Style.Legend.Count > 0 ? layer.Style.Legend : [new LegendEntry("", layer.TitleZh, layer.TitleEn, layer.Style.Fill)];
            foreach (var e in entries)
            {
                if (y > box.Bottom - line / 2)
                    break;
                Swatch(canvas, x + 4 * Scale, y - 11 * Scale, layer, e.Color);
                canvas.Text(x + 34 * Scale, y, Fit(font, $"{e.LabelZh} {e.LabelEn}", 10.5f * Scale, box.Width - 50 * Scale, false), 10.5f * Scale, "#2c3e50", TextAnchor.Start);
                y += line;
            }
            y += line * 0.35f;
        }
    }

    private static void Swatch(IPageCanvas canvas, float x, float y, LayerDescriptor layer, string colour)
    {
        float w = 22 * Scale, h = 13 * Scale;
        var style = layer.Style;
        var stroke = (float)Math.Max(style.StrokeWidth, 0.8) * Scale;
        if (layer.GeometryType.Contains("Point", StringComparison.OrdinalIgnoreCase))
            canvas.Circle(x + w / 2, y + h / 2, (float)Math.Clamp(style.PointRadius, 3, 6) * Scale, colour, style.Stroke, 1 * Scale);
        else if (layer.GeometryType.Contains("Line", StringComparison.OrdinalIgnoreCase))
            canvas.Path([[new(x, y + h / 2), new(x + w, y + h / 2)]], false, null, style.ThemeField is null ? style.Stroke : colour, Math.Max(stroke, 2 * Scale));
        else
            canvas.Path([[new(x, y), new(x + w, y), new(x + w, y + h), new(x, y + h)]], true, colour, style.Stroke, stroke);
    }

    private static string Fit(CjkFont font, string text, float size, float width, bool bold)
    {
        while (text.Length > 2 && font.Measure(text, size, bold) > width)
            text = text[..^2] + "…";
        return text;
    }
}
