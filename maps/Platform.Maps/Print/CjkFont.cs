using SkiaSharp;

namespace Platform.Maps.Print;

/// <summary>
/// The typeface printed maps use for Chinese text, found through fontconfig (SkiaSharp's font manager).
/// Without one the maps would show boxes, so printing refuses instead.
/// </summary>
/// <remarks>
/// The simplified-Chinese face is asked for by name: Noto/Source Han collections (<c>.ttc</c>) hold JP, KR, SC, TC
/// and HK faces whose glyphs differ (e.g. 画, 骨, 直), and a plain "any font with 中" match returns the first face,
/// the Japanese one. Failing the named families, the match is asked for with the zh-Hans language tag.
/// </remarks>
internal sealed class CjkFont
{
    /// <summary>Characters every printed map uses; the typeface must have glyphs for all of them.</summary>
    public const string Probe = "兴隆街道社区分布图例比例尺指北日期数据说明";

    public const string InstallHint = "apt-get install fonts-noto-cjk";

    /// <summary>Simplified-Chinese families, best first.</summary>
    public static readonly string[] SimplifiedFamilies =
        ["Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "Noto Serif CJK SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei"];

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
        var regular = SimplifiedFamilies
            .Select(f => manager.MatchFamily(f, SKFontStyle.Normal))
            .FirstOrDefault(t => t is not null && SimplifiedFamilies.Contains(t.FamilyName, StringComparer.OrdinalIgnoreCase) && Covers(t))
            ?? manager.MatchCharacter(null, SKFontStyle.Normal, ["zh-Hans", "zh-CN"], '中');
        if (regular is null || !Covers(regular))
            return null;
        var bold = manager.MatchFamily(regular.FamilyName, SKFontStyle.Bold) is { } b && b.FamilyName == regular.FamilyName && Covers(b) ? b : regular;
        return new CjkFont(regular, bold);
    }

    /// <summary>True when <paramref name="typeface"/> has a glyph (not .notdef) for every character of <see cref="Probe"/>.</summary>
    public static bool Covers(SKTypeface typeface)
    {
        using var font = new SKFont(typeface, 12);
        return font.ContainsGlyphs(Probe);
    }

    public SKFont Font(float size, bool bold) => new(bold ? Bold : Regular, size) { Subpixel = true, Edging = SKFontEdging.Antialias };

    /// <summary>Advance width of <paramref name="text"/> in page pixels.</summary>
    public float Measure(string text, float size, bool bold)
    {
        using var font = Font(size, bold);
        return font.MeasureText(text);
    }

    /// <summary>Ascent (positive, above the baseline) and descent (below) of the face at <paramref name="size"/>, page pixels.</summary>
    public (float Ascent, float Descent) Extent(float size, bool bold)
    {
        using var font = Font(size, bold);
        var metrics = font.Metrics;
        return (-metrics.Ascent, metrics.Descent);
    }
}
