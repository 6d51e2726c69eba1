using SkiaSharp;

namespace Platform.Maps.Print;

/// <summary>
/// The typeface printed maps use for Chinese text, found through fontconfig (SkiaSharp's font manager).
/// Without one the maps would show boxes, so printing refuses instead.
/// </summary>
internal sealed class CjkFont
{
    /// <summary>Characters every printed map uses; the typeface must have glyphs for all of them.</summary>
    public const string Probe = "兴隆街道社区分布图例比例尺指北日期数据说明";

    public const string InstallHint = "apt-get install fonts-noto-cjk";

    private CjkFont(SKTypeface regular, SKTypeface bold)
    {
        Regular = regular;
        Bold = bold;
    }

    public SKTypeface Regular { get; }

    public SKTypeface Bold { get; }

    public string Family => Regular.FamilyName;

    private static readonly Lazy<CjkFont?> Found = new(Find);

    /// <summary>The CJK typeface of this machine, or null when none is installed.</summary>
    public static CjkFont? Instance => Found.Value;

    private static CjkFont? Find()
    {
        var manager = SKFontManager.Default;
        var regular = manager.MatchCharacter('中');
        if (regular is null || !Covers(regular))
            return null;
        var bold = manager.MatchFamily(regular.FamilyName, SKFontStyle.Bold) is { } b && Covers(b) ? b : regular;
        return new CjkFont(regular, bold);
    }

    /// <summary>True when <paramref name="typeface"/> has a glyph (not .notdef) for every character of <see cref="Probe"/>.</summary>
    public static bool Covers(SKTypeface typeface)
    {
        using var font = new SKFont(typeface, 12);
        return font.ContainsGlyphs(Probe);
    }

    public SKFont Font(float size, bool bold) => new(bold ? Bold : Regular, size) { Subpixel = true, Edging = SKFontEdging.Antialias };

    public float Measure(string text, float size, bool bold)
    {
        using var font = Font(size, bold);
        return font.MeasureText(text);
    }
}
