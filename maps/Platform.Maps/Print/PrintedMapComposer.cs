using System.Globalization;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Maps;
using Platform.Maps.Layers;
using Platform.Spatial;
using SkiaSharp;

namespace Platform.Maps.Print;

/// <summary>The layers and features of one printed map, read before drawing, with the street's territory that frames it.</summary>
internal sealed record MapContent(
    PrintPreset Preset,
    DateOnly Date,
    IReadOnlyList<(LayerDescriptor Layer, IReadOnlyList<MapFeature> Features)> Layers,
    IReadOnlyList<string> Skipped,
    Geometry? Territory)
{
    public string Title { get; init; } = Preset.TitleZh;

    public string Subtitle { get; init; } = Preset.TitleEn;

    /// <summary>A route drawn over the layers, framing the map; null for none.</summary>
    public RouteOverlay? Route { get; init; }
}

/// <summary>
/// Composes a printed distribution map: title and subtitle, the map in the street's CGCS2000 Gauss–Krüger zone, legend
/// naming every layer shown (facility points coloured and listed by category), scale bar in metres, north arrow (grid
/// north of the zone), date, data note and source.
/// </summary>
/// <remarks>
/// The zone and the map's extent come from the street's managed territory, not from the data: one point registered far
/// away (another province) neither changes the projection nor shrinks the street to a dot; it is left off the page and
/// counted in <see cref="PrintedMap.OffPage"/>. Without a registered street the zone follows the median longitude of
/// the features.
/// </remarks>
internal sealed class PrintedMapComposer(LayerReader reader, IJurisdictionLocator jurisdiction)
{
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
        var effective = LayerReader.Effective(date);
        var territory = await jurisdiction.ManagedTerritoryWktAsync(effective, ct) is { Length: > 0 } wkt ? WellKnownText.Read(wkt) : null;
        return new MapContent(preset, effective, layers, skipped, territory);
    }

    /// <summary>Draws the page; returns what was drawn where it matters to the caller (zone, features left off).</summary>
    public PrintedMap Draw(IPageCanvas canvas, MapContent content, PageSize page, CjkFont font)
    {
        var scale = page.Scale;
        float w = page.Width, h = page.Height, margin = 36 * scale;
        var titleBand = 70 * scale;
        var footerBand = 40 * scale;
        var themes = PrintThemes.For(content.Layers);
        var legend = PrintLegend.Layout(content, themes, font, scale, maxWidth: w * 0.36f, height: h - 2 * margin - titleBand - footerBand);
        var frame = new SKRect(margin, margin + titleBand, w - margin - legend.Width - 14 * scale, h - margin - footerBand);

        var titleSize = Fitted(font, content.Title, 26 * scale, w - 2 * margin, true);
        canvas.Text(w / 2, margin + 30 * scale, content.Title, titleSize, Ink, TextAnchor.Middle, bold: true);
        if (content.Subtitle.Length > 0)
            canvas.Text(w / 2, margin + 54 * scale, content.Subtitle, Fitted(font, content.Subtitle, 13 * scale, w - 2 * margin, false), "#4a5a6a", TextAnchor.Middle);

        var zone = ZoneOf(content);
        var toZone = CoordinateTransformer.Create(StorageCrs.Code, zone.Code);
        var offPage = 0;
        var projected = new List<(LayerDescriptor Layer, List<(MapFeature F, Geometry G)> Features)>();
        foreach (var (layer, features) in content.Layers)
        {
            var drawn = new List<(MapFeature, Geometry)>();
            foreach (var f in features)
            {
                try
                {
                    drawn.Add((f, toZone.Transform(f.Geometry)));
                }
                catch (CoordinateOutOfRangeException)
                {
                    offPage++; // outside the zone's area of use: far off this street's page anyway
                }
            }
            projected.Add((layer, drawn));
        }
        var extent = content.Route is { } route ? RouteExtent(route, toZone) : Extent(content, projected.SelectMany(p => p.Features.Select(f => f.G)), toZone);
        var pad = 16 * scale;
        var s = (float)Math.Min((frame.Width - 2 * pad) / Math.Max(extent.Width, 1), (frame.Height - 2 * pad) / Math.Max(extent.Height, 1));
        var (cx, cy) = (extent.Centre.X, extent.Centre.Y);
        SKPoint ToPage(Coordinate c) => new(frame.MidX + (float)(c.X - cx) * s, frame.MidY - (float)(c.Y - cy) * s);
        var visible = new Envelope(cx - (frame.Width / 2 / s), cx + (frame.Width / 2 / s), cy - (frame.Height / 2 / s), cy + (frame.Height / 2 / s));
        offPage += projected.Sum(p => p.Features.Count(f => !visible.Intersects(f.G.EnvelopeInternal)));

        canvas.Begin("map");
        canvas.Path([Corners(frame)], true, "#fbfcfd", null, 0);
        canvas.Clip(frame);
        var labels = new List<(Geometry G, string Text, float Offset)>();
        foreach (var (layer, features) in projected)
        {
            var style = layer.Style;
            var theme = themes[layer.Id];
            foreach (var (feature, g) in features)
            {
                DrawGeometry(canvas, g, style, theme.ColourOf(feature), ToPage, scale);
                if (style.LabelField is { } field && LayerReader.Text(feature.Properties.GetValueOrDefault(field)) is { Length: > 0 } label
                    && g is IPolygonal or Point)
                    labels.Add((g, label, g is Point ? (float)Math.Max(style.PointRadius, 3) * scale : 0));
            }
        }
        DrawLabels(canvas, labels, frame, font, scale, ToPage);
        if (content.Route is { } overlay)
            DrawRoute(canvas, overlay, toZone, ToPage, font, scale);
        canvas.Unclip();
        canvas.Path([Corners(frame)], true, null, Ink, 1.2f * scale);
        canvas.End();

        DrawNorthArrow(canvas, frame.Right - 30 * scale, frame.Top + 18 * scale, scale);
        DrawScaleBar(canvas, frame, s, page);
        legend.Draw(canvas, new SKPoint(frame.Right + 14 * scale, frame.Top));

        var footerY = h - margin - footerBand / 2 + 4 * scale;
        var date = content.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var off = offPage > 0 ? $"　另有 {offPage} 个要素位于图幅外 ({offPage} off the page)" : "";
        canvas.Text(margin, footerY, $"数据日期 Date：{date}　　坐标系：CGCS2000 / 3 度带高斯–克吕格 {zone.Code}（中央经线 {zone.CentralMeridian:0}°E）{off}",
            10 * scale, "#34495e", TextAnchor.Start);
        canvas.Text(margin, footerY + 15 * scale, $"说明：{content.Preset.NoteZh}。Note: {content.Preset.NoteEn}.　来源：社区发展治理平台 Source: Community Development Platform",
            9 * scale, "#5d6d7e", TextAnchor.Start);
        return new PrintedMap(zone, offPage, frame, visible);
    }

    /// <summary>The route's envelope with a margin of a fifth of its size (at least 150 m), so the stops are not at the frame's edge.</summary>
    private static Envelope RouteExtent(RouteOverlay route, CrsTransformation toZone)
    {
        var extent = new Envelope();
        foreach (var (lon, lat) in route.Line.Concat(route.Stops))
            extent.ExpandToInclude(toZone.Transform(StorageCrs.Factory.CreatePoint(new Coordinate(lon, lat))).Coordinate);
        extent.ExpandBy(Math.Max(150, Math.Max(extent.Width, extent.Height) * 0.2));
        return extent;
    }

    /// <summary>The route as a haloed line in <see cref="RouteOverlay.Colour"/>, then each stop as a numbered disc.</summary>
    private static void DrawRoute(IPageCanvas canvas, RouteOverlay route, CrsTransformation toZone, Func<Coordinate, SKPoint> toPage, CjkFont font, float scale)
    {
        SKPoint Page((double Lon, double Lat) p) => toPage(toZone.Transform(StorageCrs.Factory.CreatePoint(new Coordinate(p.Lon, p.Lat))).Coordinate);
        canvas.Begin("route");
        var line = route.Line.Select(Page).ToArray();
        canvas.Path([line], false, null, "#ffffff", 7 * scale);
        canvas.Path([line], false, null, RouteOverlay.Colour, 4 * scale);
        for (var i = 0; i < route.Stops.Count; i++)
        {
            var c = Page(route.Stops[i]);
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            canvas.Circle(c.X, c.Y, 9 * scale, RouteOverlay.Colour, "#ffffff", 2 * scale);
            var (ascent, descent) = font.Extent(10 * scale, true);
            canvas.Text(c.X, c.Y + ((ascent - descent) / 2), number, 10 * scale, "#ffffff", TextAnchor.Middle, bold: true);
        }
        canvas.End();
    }

    /// <summary>The zone of the street's territory; without one, of the features' median longitude (robust to strays).</summary>
    private static MetricZone ZoneOf(MapContent content)
    {
        if (content.Territory is { IsEmpty: false } territory)
            return MetricZone.For(territory.EnvelopeInternal.Centre.X);
        var longitudes = content.Layers.SelectMany(l => l.Features).Select(f => f.Geometry.EnvelopeInternal.Centre.X)
            .Where(x => x is >= MetricZone.MinLongitude and <= MetricZone.MaxLongitude).Order().ToArray();
        return MetricZone.For(longitudes.Length > 0 ? longitudes[longitudes.Length / 2] : 104.07);
    }

    private static Envelope Extent(MapContent content, IEnumerable<Geometry> projected, CrsTransformation toZone)
    {
        if (content.Territory is { IsEmpty: false } territory)
        {
            var street = toZone.Transform(territory).EnvelopeInternal;
            street.ExpandBy(Math.Max(street.Width, street.Height) * 0.03);
            return street;
        }
        var extent = new Envelope();
        foreach (var g in projected)
            extent.ExpandToInclude(g.EnvelopeInternal);
        return extent.IsNull ? toZone.Transform(StorageCrs.Factory.ToGeometry(new Envelope(104.03, 104.11, 30.37, 30.43))).EnvelopeInternal : extent;
    }

    private static SKPoint[] Corners(SKRect r) => [new(r.Left, r.Top), new(r.Right, r.Top), new(r.Right, r.Bottom), new(r.Left, r.Bottom)];

    /// <summary>The size at which <paramref name="text"/> fits <paramref name="width"/>, at most <paramref name="size"/>.</summary>
    internal static float Fitted(CjkFont font, string text, float size, float width, bool bold)
    {
        var measured = font.Measure(text, size, bold);
        return measured <= width ? size : size * width / measured * 0.98f;
    }

    /// <summary>Area names at an inner point; point names beside their symbol. Topmost layers first; a label that would overlap a placed one is left out.</summary>
    private static void DrawLabels(IPageCanvas canvas, List<(Geometry G, string Text, float Offset)> labels, SKRect frame, CjkFont font, float scale, Func<Coordinate, SKPoint> toPage)
    {
        var placed = new List<SKRect>();
        for (var i = labels.Count - 1; i >= 0; i--)
        {
            var (g, text, offset) = labels[i];
            var point = g is Point;
            var p = toPage(point ? g.Coordinate : g.InteriorPoint.Coordinate);
            var size = (point ? 9 : 11) * scale;
            var width = font.Measure(text, size, false);
            var (ascent, descent) = font.Extent(size, false);
            var x = point ? p.X + offset + 3 * scale : p.X - width / 2;
            var baseline = point ? p.Y + (ascent - descent) / 2 : p.Y;
            var box = new SKRect(x, baseline - ascent, x + width, baseline + descent);
            if (placed.Any(r => r.IntersectsWith(box)) || !frame.Contains(box))
                continue;
            placed.Add(box);
            canvas.Text(x, baseline, text, size, "#2c3e50", TextAnchor.Start, halo: "#ffffff");
        }
    }

    private static void DrawGeometry(IPageCanvas canvas, Geometry g, LayerStyle style, string colour, Func<Coordinate, SKPoint> toPage, float scale)
    {
        var width = (float)Math.Max(style.StrokeWidth, 0.5) * scale;
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
                canvas.Circle(c.X, c.Y, (float)Math.Max(style.PointRadius, 3) * scale, colour, style.Stroke, 1 * scale);
                break;
            case GeometryCollection multi:
                foreach (var part in multi.Geometries)
                    DrawGeometry(canvas, part, style, colour, toPage, scale);
                break;
        }
    }

    private static void DrawNorthArrow(IPageCanvas canvas, float x, float y, float scale)
    {
        var size = 22 * scale;
        canvas.Path([[new(x, y), new(x + size / 2.6f, y + size * 1.5f), new(x, y + size * 1.15f)]], true, Ink, Ink, 1);
        canvas.Path([[new(x, y), new(x - size / 2.6f, y + size * 1.5f), new(x, y + size * 1.15f)]], true, "#ffffff", Ink, 1);
        canvas.Text(x, y + size * 1.5f + 14 * scale, "北 N", 11 * scale, Ink, TextAnchor.Middle, bold: true, halo: "#ffffff");
    }

    /// <summary>A bar of a round length (1, 2 or 5 × 10ⁿ m) near a fifth of the frame; <paramref name="pxPerMetre"/> is exact in the zone.</summary>
    private static void DrawScaleBar(IPageCanvas canvas, SKRect frame, float pxPerMetre, PageSize page)
    {
        var scale = page.Scale;
        var target = frame.Width / 5 / pxPerMetre;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(target)));
        var metres = new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).Last(m => m <= target);
        var length = (float)(metres * pxPerMetre);
        float x = frame.Left + 18 * scale, y = frame.Bottom - 20 * scale, height = 6 * scale;
        canvas.Path([[new(x - 6 * scale, y - 26 * scale), new(x + length + 60 * scale, y - 26 * scale), new(x + length + 60 * scale, y + height + 8 * scale), new(x - 6 * scale, y + height + 8 * scale)]],
            true, "#ffffffcc", null, 0);
        for (var i = 0; i < 4; i++)
        {
            var a = x + length * i / 4;
            var b = x + length * (i + 1) / 4;
            canvas.Path([[new(a, y), new(b, y), new(b, y + height), new(a, y + height)]], true, i % 2 == 0 ? Ink : "#ffffff", Ink, 1);
        }
        var label = metres >= 1000 ? $"{metres / 1000:0.###} 千米 km" : $"{metres:0} 米 m";
        canvas.Text(x, y - 6 * scale, "0", 10 * scale, Ink, TextAnchor.Middle);
        canvas.Text(x + length, y - 6 * scale, label.Split(' ')[0], 10 * scale, Ink, TextAnchor.Middle);
        canvas.Text(x + length + 8 * scale, y + height, string.Join(' ', label.Split(' ')[1..]), 10 * scale, Ink, TextAnchor.Start);
        var denominator = 1 / pxPerMetre / (0.0254 / page.Dpi);
        var rounded = Math.Round(denominator / Math.Pow(10, Math.Floor(Math.Log10(denominator)) - 1)) * Math.Pow(10, Math.Floor(Math.Log10(denominator)) - 1);
        canvas.Text(x + length / 2, y - 6 * scale, $"1:{rounded.ToString("#,0", CultureInfo.InvariantCulture)}", 9 * scale, "#5d6d7e", TextAnchor.Middle);
    }
}

/// <summary>What a drawn page reports back: the zone it is projected in and how many features fell off it.</summary>
/// <param name="Zone">The zone the map is projected in.</param>
/// <param name="OffPage">Features left off the page.</param>
/// <param name="Frame">The map frame on the page, in page pixels.</param>
/// <param name="Extent">What the frame shows, in metres of <paramref name="Zone"/>.</param>
internal sealed record PrintedMap(MetricZone Zone, int OffPage, SKRect Frame, Envelope Extent);
