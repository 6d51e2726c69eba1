using SkiaSharp;

namespace Platform.Maps.Print;

/// <summary>
/// A one-page PDF of the paper size in points (<see cref="PageSize.PdfDpi"/>). Skia's PDF backend keeps text as text
/// (glyphs with a ToUnicode map, so it can be searched, copied and read by pdftotext) and embeds the subset of the CJK
/// face it uses.
/// </summary>
internal sealed class PdfPage : IDisposable
{
    private readonly MemoryStream _output = new();
    private readonly SKDocument _document;
    private bool _closed;

    public PdfPage(PageSize page, CjkFont font, string title)
    {
        if (page.Dpi != PageSize.PdfDpi)
            throw new ArgumentException("A PDF page is laid out in points (72 dpi).", nameof(page));
        _document = SKDocument.CreatePdf(_output, new SKDocumentPdfMetadata
        {
            Title = title,
            Creator = "社区发展治理平台 Community Development Platform",
            Producer = "SkiaSharp",
            Creation = DateTime.Now,
            RasterDpi = 300,
        });
        var canvas = _document.BeginPage((float)(page.WidthMm / 25.4 * PageSize.PdfDpi), (float)(page.HeightMm / 25.4 * PageSize.PdfDpi));
        canvas.Clear(SKColors.White);
        Canvas = new SkiaPageCanvas(canvas, font);
    }

    public IPageCanvas Canvas { get; }

    public byte[] Pdf()
    {
        if (!_closed)
        {
            _document.EndPage();
            _document.Close();
            _closed = true;
        }
        return _output.ToArray();
    }

    public void Dispose()
    {
        _document.Dispose();
        _output.Dispose();
    }
}
