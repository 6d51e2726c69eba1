using System.Globalization;
using SkiaSharp;

namespace Platform.Maps.Print;

internal enum TextAnchor { Start, Middle, End }

/// <summary>What the map composer draws on: a PNG or PDF (Skia) or an SVG document, in page pixels (the page's dpi), y down.</summary>
internal interface IPageCanvas
{
    /// <summary>Starts a named part of the page (SVG: <c>&lt;g id=…&gt;</c>, so readers can find the legend); raster pages ignore it.</summary>
    void Begin(string id);

    void End();

    void Path(IReadOnlyList<SKPoint[]> parts, bool closed, string? fill, string? stroke, float width);

    void Circle(float x, float y, float r, string fill, string? stroke, float width);

    void Text(float x, float y, string text, float size, string color, TextAnchor anchor, bool bold = false, string? halo = null);

    void Clip(SKRect rect);

    void Unclip();
}

/// <summary>CSS hex colours (<c>#rgb</c>, <c>#rgba</c>, <c>#rrggbb</c>, <c>#rrggbbaa</c>) as the descriptors give them.</summary>
internal static class CssColor
{
    public static SKColor Parse(string? css)
    {
        var hex = (css ?? "#000000").TrimStart('#');
        if (hex.Length is 3 or 4)
            hex = string.Concat(hex.Select(c => new string(c, 2)));
        var rgb = uint.TryParse(hex.AsSpan(0, Math.Min(6, hex.Length)), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v) ? v : 0;
        var alpha = hex.Length >= 8 && byte.TryParse(hex.AsSpan(6, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var a) ? a : (byte)255;
        return new SKColor((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb, alpha);
    }

    public static string Rgb(SKColor c) => $"#{c.Red:x2}{c.Green:x2}{c.Blue:x2}";

    public static string Opacity(SKColor c) => (c.Alpha / 255.0).ToString("0.###", CultureInfo.InvariantCulture);
}
