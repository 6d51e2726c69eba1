using System.Text.RegularExpressions;

namespace Platform.Reports.Rendering;

/// <summary>One block of a rendered report, the common ground of the DOCX, HTML and Markdown writers.</summary>
internal abstract record ReportBlock;

/// <summary><c># text</c> is the title (level 1); <c>##</c>, <c>###</c>, <c>####</c> are Heading 1–3 of the document.</summary>
internal sealed record HeadingBlock(int Level, string Text) : ReportBlock;

/// <summary>One line of template output; <c>**bold**</c> marks bold runs.</summary>
internal sealed record ParagraphBlock(string Text) : ReportBlock;

/// <summary><c>- text</c>.</summary>
internal sealed record ListItemBlock(string Text) : ReportBlock;

/// <summary>A pipe table; the first row is the header.</summary>
internal sealed record TableBlock(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : ReportBlock;

/// <summary>
/// <c>![caption](map:preset)</c> on a line of its own: a printed distribution map. <see cref="Png"/> is set once the map
/// has been printed; <see cref="Link"/> is where the Markdown output points to.
/// </summary>
internal sealed record FigureBlock(string Caption, string Target) : ReportBlock
{
    public byte[]? Png { get; init; }

    public string? Link { get; init; }
}

/// <summary>
/// <c>&gt;&gt; office | date</c> (what the template function <c>signature</c> writes): the 落款 of a government document —
/// the issuing office over the date it was written, right of the text (GB/T 9704-2012 7.3.5).
/// </summary>
internal sealed record SignatureBlock(string Office, string Date) : ReportBlock;

/// <summary>
/// Reads template output — a small, line-based Markdown: headings, paragraphs (one per line), lists, pipe tables and
/// figures. Blank lines only separate; the whitespace Scriban's control statements leave behind does not matter.
/// </summary>
internal static partial class ReportBlockReader
{
    public static List<ReportBlock> Read(string text)
    {
        var blocks = new List<ReportBlock>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
                continue;
            if (Heading().Match(line) is { Success: true } h)
                blocks.Add(new HeadingBlock(h.Groups[1].Length, h.Groups[2].Value.Trim()));
            else if (Figure().Match(line) is { Success: true } f)
                blocks.Add(new FigureBlock(f.Groups[1].Value.Trim(), f.Groups[2].Value.Trim()));
            else if (line.StartsWith('|'))
            {
                var rows = new List<IReadOnlyList<string>>();
                for (; i < lines.Length && lines[i].Trim().StartsWith('|'); i++)
                {
                    if (!Separator().IsMatch(lines[i].Trim()))
                        rows.Add(Cells(lines[i].Trim()));
                }
                i--;
                blocks.Add(new TableBlock(rows[0], rows.Skip(1).ToList()));
            }
            else if (Signature().Match(line) is { Success: true } sig)
                blocks.Add(new SignatureBlock(sig.Groups[1].Value.Trim(), sig.Groups[2].Value.Trim()));
            else if (line.StartsWith("- ", StringComparison.Ordinal))
                blocks.Add(new ListItemBlock(line[2..].Trim()));
            else
                blocks.Add(new ParagraphBlock(line));
        }
        return blocks;
    }

    /// <summary>Splits <c>**bold**</c> runs: pairs of (text, bold).</summary>
    public static IEnumerable<(string Text, bool Bold)> Runs(string text)
    {
        var parts = text.Split("**");
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length > 0)
                yield return (parts[i], i % 2 == 1);
        }
    }

    /// <summary>The text without bold marks.</summary>
    public static string Plain(string text) => text.Replace("**", "", StringComparison.Ordinal);

    private static List<string> Cells(string row)
    {
        var inner = row.Trim().Trim('|');
        return inner.Split('|').Select(c => c.Trim()).ToList();
    }

    [GeneratedRegex(@"^(#{1,4})\s+(.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^>>\s*([^|]+)\|\s*(.+)$")]
    private static partial Regex Signature();

    [GeneratedRegex(@"^!\[([^\]]*)\]\(([^)\s]+)\)$")]
    private static partial Regex Figure();

    [GeneratedRegex(@"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")]
    private static partial Regex Separator();
}
