namespace Platform.Maps.Print;

/// <summary>Paper size and orientation of a printed map, and the resolution its pixels are counted in.</summary>
/// <param name="Name">A4 or A3.</param>
/// <param name="Landscape">Long side horizontal.</param>
/// <param name="Dpi">Pixels per inch: the raster resolution of a PNG; for SVG the unit of its view box; 72 for PDF (points).</param>
internal sealed record PageSize(string Name, bool Landscape, float Dpi = PageSize.DefaultDpi)
{
    public const float DefaultDpi = 150;

    /// <summary>Above this a page is refused: an A3 page at 300 dpi is already 4961 × 3508 pixels (70 MB of raster).</summary>
    public const float MaxDpi = 300;

    public const float MinDpi = 72;

    /// <summary>PDF user space: 72 points to the inch.</summary>
    public const float PdfDpi = 72;

    public double WidthMm => Landscape ? LongMm : ShortMm;

    public double HeightMm => Landscape ? ShortMm : LongMm;

    public int Width => Px(WidthMm);

    public int Height => Px(HeightMm);

    /// <summary>Page pixels per CSS pixel (1/96 inch), the unit the composer's sizes are given in.</summary>
    public float Scale => Dpi / 96f;

    private double LongMm => Name == "A3" ? 420 : 297;

    private double ShortMm => Name == "A3" ? 297 : 210;

    private int Px(double mm) => (int)Math.Round(mm / 25.4 * Dpi);
}
