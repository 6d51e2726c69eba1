using SkiaSharp;

namespace Platform.Maps.Print;

/// <summary>A raster page of <see cref="PageSize.Width"/> × <see cref="PageSize.Height"/> pixels, encoded as PNG with its dpi recorded.</summary>
internal sealed class PngPage : IDisposable
{
    private readonly SKSurface _surface;

    public PngPage(PageSize page, CjkFont font)
    {
        _surface = SKSurface.Create(new SKImageInfo(page.Width, page.Height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"No raster surface of {page.Width} × {page.Height} pixels.");
        _surface.Canvas.Clear(SKColors.White);
        Canvas = new SkiaPageCanvas(_surface.Canvas, font);
        Page = page;
    }

    public IPageCanvas Canvas { get; }

    public PageSize Page { get; }

    public byte[] Png()
    {
        using var image = _surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return PngResolution.Write(data.ToArray(), Page.Dpi);
    }

    public void Dispose() => _surface.Dispose();
}
