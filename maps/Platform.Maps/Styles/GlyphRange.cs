using System.Text;

namespace Platform.Maps.Styles;

/// <summary>
/// A glyph range PBF of the style's font (the <c>glyphs.proto</c> of the MapLibre/Mapbox font tooling): a
/// <c>glyphs</c> message holding one <c>fontstack</c> with its name and range, and no glyph bitmaps.
/// </summary>
/// <remarks>
/// Signed-distance-field glyphs are not generated here: MapLibre GL JS draws CJK ideographs, kana and Hangul with
/// the browser's own font (its <c>localIdeographFontFamily</c>, "sans-serif" by default), which covers the Chinese
/// names the labels show; characters outside those blocks (Latin letters, digits) are then left out of the labels.
/// QGIS draws the style's text with its own fonts and never asks for glyphs. The empty range keeps the style valid
/// (the spec requires <c>glyphs</c> once a layer has <c>text-field</c>) and every glyph request answered.
/// </remarks>
internal static class GlyphRange
{
    /// <summary>Changes when the encoding changes, so cached ranges are revalidated.</summary>
    public const int Version = 1;

    public static byte[] Encode(string fontstack, int start)
    {
        var stack = new MemoryStream();
        WriteString(stack, 1, fontstack);
        WriteString(stack, 2, $"{start}-{start + 255}");
        var glyphs = new MemoryStream();
        WriteBytes(glyphs, 1, stack.ToArray());
        return glyphs.ToArray();
    }

    private static void WriteString(Stream s, int field, string value) => WriteBytes(s, field, Encoding.UTF8.GetBytes(value));

    private static void WriteBytes(Stream s, int field, byte[] value)
    {
        WriteVarint(s, (uint)(field << 3 | 2));
        WriteVarint(s, (uint)value.Length);
        s.Write(value);
    }

    private static void WriteVarint(Stream s, uint value)
    {
        while (value >= 0x80)
        {
            s.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        s.WriteByte((byte)value);
    }
}
