using System.Text;

namespace Platform.Spatial;

/// <summary>
/// Text encodings of attribute data in Chinese GIS files: UTF-8 and GBK (code page 936, what older ArcGIS and Excel
/// write on Chinese Windows). Registers the framework's code-page provider so GBK is available.
/// </summary>
public static class AttributeEncodings
{
    static AttributeEncodings()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Gbk = Encoding.GetEncoding(936, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
    }

    /// <summary>UTF-8 without byte-order mark; undecodable bytes become U+FFFD (then refused as garbled).</summary>
    public static Encoding Utf8 { get; } = new UTF8Encoding(false, false);

    /// <summary>GBK (code page 936); undecodable bytes become U+FFFD (then refused as garbled).</summary>
    public static Encoding Gbk { get; }

    /// <summary>
    /// Resolves an encoding name as found in a <c>.cpg</c> file or given by a user: UTF-8/UTF8/65001, GBK/CP936/936/
    /// GB2312/ANSI 936 (all read as GBK), GB18030/54936. Null when the name is not one of these.
    /// </summary>
    public static Encoding? FromName(string? name)
    {
        var key = (name ?? "").Trim().ToUpperInvariant().Replace("-", "").Replace("_", "").Replace(" ", "");
        return key switch
        {
            "UTF8" or "65001" or "UTF8BOM" => Utf8,
            "GBK" or "CP936" or "936" or "GB2312" or "ANSI936" or "WINDOWS936" or "MS936" or "EUCCN" => Gbk,
            "GB18030" or "54936" => Encoding.GetEncoding(54936, EncoderFallback.ReplacementFallback,
                new DecoderReplacementFallback("\uFFFD")),
            _ => null,
        };
    }

    /// <summary>True when the text contains U+FFFD, the mark of bytes that did not decode (e.g. GBK read as UTF-8).</summary>
    public static bool LooksGarbled(string? text) => text is not null && text.Contains('\uFFFD');

    internal static string DisplayName(Encoding encoding) => encoding.CodePage switch
    {
        65001 => "UTF-8",
        936 => "GBK",
        54936 => "GB18030",
        _ => encoding.WebName,
    };

    /// <summary>Chooses how to decode <paramref name="text"/>: the parameter, else the declaration, else detection.</summary>
    internal static (Encoding Encoding, string How) Choose(Encoding? parameter, string? declared, string declaredBy,
        ReadOnlySpan<byte> text)
    {
        if (parameter is not null)
        {
            return (parameter, "parameter");
        }

        if (declared is not null)
        {
            var encoding = FromName(declared) ?? throw new FeatureImportException(
                $"The {declaredBy} declares the encoding '{declared.Trim()}', which is not supported (UTF-8, GBK, GB18030); pass the encoding explicitly.",
                $"{declaredBy} 声明的编码“{declared.Trim()}”不受支持（支持 UTF-8、GBK、GB18030），请明确指定编码。");
            return (encoding, declaredBy);
        }

        return System.Text.Unicode.Utf8.IsValid(text) ? (Utf8, "detected") : (Gbk, "detected: not valid UTF-8");
    }

    /// <summary>Refuses bytes declared as UTF-8 that are not UTF-8 (typically GBK text with a wrong declaration).</summary>
    internal static void RequireDecodable(Encoding encoding, string how, ReadOnlySpan<byte> text, string what)
    {
        if (encoding.CodePage == 65001 && !System.Text.Unicode.Utf8.IsValid(text))
        {
            throw Garbled(what, $"UTF-8 ({how})");
        }
    }

    internal static FeatureImportException Garbled(string what, string encoding) => new(
        $"The text of {what} is garbled when read as {encoding}: its bytes are not valid in that encoding " +
        "(Chinese GBK text declared as UTF-8 is the usual cause). Fix the declaration (.cpg) or pass encoding=GBK.",
        $"{what} 的文字按 {encoding} 解码后出现乱码：字节不符合该编码（常见原因是 GBK 文字被声明为 UTF-8）。请修正 .cpg 或指定编码为 GBK。");
}
