using SkiaSharp;

namespace Platform.Maps.Print;

/// <summary>Draws the page into a Skia raster surface and encodes it as PNG.</summary>
internal sealed class SkiaPageCanvas : IPageCanvas, IDisposable
{
    private readonly SKSurface _surface;
    private readonly SKCanvas _canvas;
    private readonly CjkFont _font;

    public SkiaPageCanvas(int width, int height, CjkFont font)
    {
        _surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        _canvas = _surface.Canvas;
        _canvas.Clear(SKColors.White);
        _font = font;
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

    public void Text(float x, float y, string text, float size, string color, TextAnchor anchor, bool bold = false, string? halo = null)
    {
        using var font = _font.Font(size, bold);
        var align = anchor switch { TextAnchor.Middle => SKTextAlign.Center, TextAnchor.End => SKTextAlign.Right, _ => SKTextAlign.Left };
        if (halo is not null)
        {
            using var outline = new SKPaint { Color = CssColor.Parse(halo), Style = SKPaintStyle.Stroke, StrokeWidth = size / 5, IsAntialias = true, StrokeJoin = SKStrokeJoin.Round };
            _canvas.DrawText(text, x, y, align, font, outline);
        }
        using var paint = new SKPaint { Color = CssColor.Parse(color), IsAntialias = true };
        _canvas.DrawText(text, x, y, align, font, paint);
    }

    public void Clip(SKRect rect)
    {
        _canvas.Save();
        _canvas.ClipRect(rect);
    }

    public void Unclip() => _canvas.Restore();

    public byte[] Png()
    {
        using var image = _surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public void Dispose() => _surface.Dispose();
}
