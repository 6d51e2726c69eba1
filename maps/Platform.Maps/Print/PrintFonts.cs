namespace Platform.Maps.Print;

/// <summary>The font printed maps use, as the host's <c>/health</c> reports it.</summary>
/// <param name="Family">The family in use, or null when no installed font has glyphs for Chinese and for Latin letters and digits (printing answers 503).</param>
/// <param name="File">Its font file, when the source names it.</param>
/// <param name="BoldFamily">The family of the bold face (the regular one when the family has no bold).</param>
/// <param name="Source">Where fonts were looked for: <c>fontconfig</c>, <c>SkiaSharp</c>, or a folder.</param>
/// <param name="Refused">Fonts tried before it and why each was refused ("…: no glyphs for Latin letters and digits").</param>
/// <param name="CheckedAt">When the fonts were last read (at the start, and after each change seen).</param>
public sealed record PrintFontStatus(string? Family, string? File, string? BoldFamily, string Source, IReadOnlyList<string> Refused, DateTimeOffset CheckedAt);

/// <summary>The printed maps' font selection, for the host.</summary>
public static class PrintFonts
{
    /// <summary>The machine's print font now, checked again when the machine's fonts changed.</summary>
    public static PrintFontStatus Status() => PrintFontSelection.Machine.Status;
}
