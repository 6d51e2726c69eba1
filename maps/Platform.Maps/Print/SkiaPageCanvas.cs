using System.Text;
using SkiaSharp;

namespace Platform.Maps.Print;

/// <summary>Draws the page on a Skia canvas: a raster surface (<see cref="PngPage"/>) or a PDF page (<see cref="PdfPage"/>).</summary>
internal sealed class SkiaPageCanvas(SKCanvas canvas, CjkFont font) : IPageCanvas
{
    private readonly SKCanvas _canvas = canvas;
    private readonly CjkFont _font = font;

    public void Begin(string id)
    {
    }

    public void End()
    {
    }

    public void Path(IReadOnlyList<SKPoint[]> parts, bool closed, string? fill, string? stroke, float width)
    {
        using var builder = new SKPathBuilder { FillType = SKPathFillType.EvenOdd };
        foreach (var part in parts)
        {
            if (part.Length == 0)
                continue;
            builder.MoveTo(part[0]);
            for (var i = 1; i < part.Length; i++)
                builder.LineTo(part[i]);
            if (closed)
                builder.Close();
        }
        using var path = builder.Detach();
        if (fill is not null)
        {
            using var paint = new SKPaint { Color = CssColor.Parse(fill), Style = SKPaintStyle.Fill, IsAntialias = true };
            _canvas.DrawPath(path, paint);
        }
        if (stroke is not null && width > 0)
        {
            using var paint = new SKPaint { Color = CssColor.Parse(stroke), Style = SKPaintStyle.Stroke, StrokeWidth = width, IsAntialias = true, StrokeJoin = SKStrokeJoin.Round, StrokeCap = SKStrokeCap.Round };
            _canvas.DrawPath(path, paint);
        }
    }

    public void Circle(float x, float y, float r, string fill, string? stroke, float width)
    {
        using var paint = new SKPaint { Color = CssColor.Parse(fill), Style = SKPaintStyle.Fill, IsAntialias = true };
        _canvas.DrawCircle(x, y, r, paint);
        if (stroke is not null && width > 0)
        {
            using var line = new SKPaint { Color = CssColor.Parse(stroke), Style = SKPaintStyle.Stroke, StrokeWidth = width, IsAntialias = true };
            _canvas.DrawCircle(x, y, r, line);
        }
    }

    /// <remarks>
    /// Drawn as a text blob that carries the UTF-8 text and each glyph's cluster: a CJK face maps some glyphs from
    /// several code points (片 U+7247 and the Kangxi radical ⽚ U+2F5A), and without the text a PDF's ToUnicode map
    /// may name the radical, so copied or searched text would not match what was printed.
    /// </remarks>
    public void Text(float x, float y, string text, float size, string color, TextAnchor anchor, bool bold = false, string? halo = null)
    {
        using var font = _font.Font(size, bold);
        using var blob = Blob(text, font);
        var width = font.MeasureText(text);
        var left = anchor switch { TextAnchor.Middle => x - width / 2, TextAnchor.End => x - width, _ => x };
        if (halo is not null)
        {
            using var outline = new SKPaint { Color = CssColor.Parse(halo), Style = SKPaintStyle.Stroke, StrokeWidth = size / 5, IsAntialias = true, StrokeJoin = SKStrokeJoin.Round };
            _canvas.DrawText(blob, left, y, outline);
        }
        using var paint = new SKPaint { Color = CssColor.Parse(color), IsAntialias = true };
        _canvas.DrawText(blob, left, y, paint);
    }

    private static SKTextBlob Blob(string text, SKFont font)
    {
        var glyphs = font.GetGlyphs(text);
        var utf8 = Encoding.UTF8.GetBytes(text);
        var clusters = new List<uint>(glyphs.Length);
        var offset = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            clusters.Add((uint)offset);
            offset += rune.Utf8SequenceLength;
        }
        using var builder = new SKTextBlobBuilder();
        if (clusters.Count == glyphs.Length && glyphs.Length > 0)
        {
            var run = builder.AllocateTextRun(font, glyphs.Length, 0, 0, utf8.Length, null);
            run.SetGlyphs(glyphs);
            run.SetText(utf8);
            run.SetClusters(clusters.ToArray());
            return builder.Build() ?? SKTextBlob.Create(text, font)!;
        }
        return SKTextBlob.Create(text, font)!;
    }

    public void Clip(SKRect rect)
    {
        _canvas.Save();
        _canvas.ClipRect(rect);
    }

    public void Unclip() => _canvas.Restore();
}
