using SkiaSharp;

namespace Platform.Maps.Print;

/// <summary>
/// The typeface printed maps use: one with glyphs for Chinese and for Latin letters and digits (English legend lines, scale
/// bar, dates), chosen by <see cref="PrintFontSelection"/> from the machine's fonts and chosen again when they change.
/// Without one the maps would show boxes, so printing refuses instead.
/// </summary>
/// <remarks>
/// The simplified-Chinese face is asked for by name: Noto/Source Han collections (<c>.ttc</c>) hold JP, KR, SC, TC
/// and HK faces whose glyphs differ (e.g. 画, 骨, 直), and a plain "any font with 中" match returns the first face,
/// the Japanese one. Failing the named families, the match is asked for with the zh-CN language tag.
/// </remarks>
internal sealed class CjkFont
{
    /// <summary>Characters every printed map uses; the typeface must have glyphs for all of them.</summary>
    public const string Probe = "兴隆街道社区分布图例比例尺指北日期数据说明";

    /// <summary>Latin letters and digits: English layer names, the scale bar's figures, dates. Required as well.</summary>
    public const string LatinProbe = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public const string InstallHint = "apt-get install fonts-noto-cjk";

    /// <summary>Simplified-Chinese families, best first.</summary>
    public static readonly string[] SimplifiedFamilies =
        ["Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "Noto Serif CJK SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei"];

    public CjkFont(SKTypeface regular, SKTypeface bold, string? file = null)
    {
        Regular = regular;
        Bold = bold;
        File = file;
    }

    public SKTypeface Regular { get; }

    public SKTypeface Bold { get; }

    public string Family => Regular.FamilyName;

    /// <summary>The font file of <see cref="Regular"/>, when the font source names it.</summary>
    public string? File { get; }

    /// <summary>The machine's print typeface, re-checked when its fonts change; null when none is installed that has every glyph needed.</summary>
    public static CjkFont? Instance => PrintFontSelection.Machine.Current;

    /// <summary>True when <paramref name="typeface"/> has a glyph (not .notdef) for every character of <see cref="Probe"/> and <see cref="LatinProbe"/>.</summary>
    public static bool Covers(SKTypeface typeface) => Lacks(typeface) is null;

    /// <summary>What <paramref name="typeface"/> has no glyphs for ("Chinese", "Latin letters and digits", or both), or null when it has them all.</summary>
    public static string? Lacks(SKTypeface typeface)
    {
        using var font = new SKFont(typeface, 12);
        var lacks = new List<string>();
        if (!font.ContainsGlyphs(Probe))
            lacks.Add("Chinese");
        if (!font.ContainsGlyphs(LatinProbe))
            lacks.Add("Latin letters and digits");
        return lacks.Count == 0 ? null : string.Join(" and ", lacks);
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
