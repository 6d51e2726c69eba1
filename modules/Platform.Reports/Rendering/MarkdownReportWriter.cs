using System.Text;

namespace Platform.Reports.Rendering;

/// <summary>Writes a report as CommonMark with pipe tables (UTF-8); maps link to the print endpoint.</summary>
internal static class MarkdownReportWriter
{
    public static byte[] Write(RenderedReport report)
    {
        var md = new StringBuilder();
        foreach (var block in report.Blocks)
        {
            switch (block)
            {
                case HeadingBlock h:
                    md.Append('#', h.Level).Append(' ').AppendLine(h.Text);
                    break;
                case ParagraphBlock p:
                    md.AppendLine(p.Text);
                    break;
                case ListItemBlock l:
                    md.Append("- ").AppendLine(l.Text);
                    break;
                case TableBlock t:
                    md.AppendLine(Row(t.Header));
                    md.AppendLine(Row(t.Header.Select(_ => "---")));
                    foreach (var r in t.Rows)
                        md.AppendLine(Row(r));
                    break;
                case SignatureBlock sig:
                    // Markdown cannot align right: the office and the date on lines of their own, as a clerk would type them.
                    md.AppendLine(sig.Office + "  ").AppendLine(sig.Date);
                    break;
                case FigureBlock f:
                    md.Append("![").Append(f.Caption).Append("](").Append(f.Link ?? f.Target).AppendLine(")");
                    break;
            }
            md.AppendLine();
        }
        return new UTF8Encoding(false).GetBytes(md.ToString());
    }

    private static string Row(IEnumerable<string> cells) => "| " + string.Join(" | ", cells.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |";
}
