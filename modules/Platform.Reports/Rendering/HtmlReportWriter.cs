using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Platform.Reports.Rendering;

/// <summary>Writes a report as one standalone UTF-8 HTML page: styles inline, maps embedded as data URIs, markers highlighted.</summary>
internal static partial class HtmlReportWriter
{
    private const string Style = """
        body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; max-width: 52em; margin: 2em auto; padding: 0 1em; line-height: 1.8; color: #222; }
        h1 { font-family: "SimHei", "Noto Sans CJK SC", sans-serif; text-align: center; font-size: 1.6em; }
        h2, h3, h4 { font-family: "SimHei", "Noto Sans CJK SC", sans-serif; }
        p { text-indent: 2em; margin: .4em 0; }
        table { border-collapse: collapse; margin: .8em 0; width: 100%; }
        th, td { border: 1px solid #888; padding: .2em .5em; text-align: left; }
        th { background: #eee; }
        figure { margin: 1em 0; text-align: center; }
        figure img { max-width: 100%; border: 1px solid #ccc; }
        .placeholder { border: 2px dashed #c00; padding: 3em 1em; color: #c00; }
        mark { background: #ffe066; }
        .signature { text-align: right; margin: 2em 4em 1em 0; line-height: 1.8; }
        .signature p { text-indent: 0; margin: 0; text-align: center; display: table; margin-left: auto; }
        """;

    public static byte[] Write(RenderedReport report)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">");
        html.Append("<title>").Append(Encode(report.Title)).AppendLine("</title>");
        html.Append("<style>").Append(Style).AppendLine("</style></head><body>");
        var inList = false;
        foreach (var block in report.Blocks)
        {
            if (inList && block is not ListItemBlock)
            {
                html.AppendLine("</ul>");
                inList = false;
            }
            switch (block)
            {
                case HeadingBlock h:
                    html.Append($"<h{h.Level}>").Append(Inline(h.Text)).AppendLine($"</h{h.Level}>");
                    break;
                case ParagraphBlock p:
                    html.Append("<p>").Append(Inline(p.Text)).AppendLine("</p>");
                    break;
                case ListItemBlock l:
                    if (!inList)
                        html.AppendLine("<ul>");
                    inList = true;
                    html.Append("<li>").Append(Inline(l.Text)).AppendLine("</li>");
                    break;
                case TableBlock t:
                    html.Append("<table><thead><tr>").AppendJoin("", t.Header.Select(c => $"<th>{Inline(c)}</th>")).AppendLine("</tr></thead><tbody>");
                    foreach (var r in t.Rows)
                        html.Append("<tr>").AppendJoin("", r.Select(c => $"<td>{Inline(c)}</td>")).AppendLine("</tr>");
                    html.AppendLine("</tbody></table>");
                    break;
                case SignatureBlock sig:
                    html.Append("<div class=\"signature\"><p>").Append(Encode(sig.Office)).Append("<br>").Append(Encode(sig.Date)).AppendLine("</p></div>");
                    break;
                case FigureBlock f:
                    html.Append("<figure>");
                    html.Append(f.Png is { } png
                        ? $"<img alt=\"{Encode(ReportBlockReader.Plain(f.Caption))}\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\">"
                        : "<div class=\"placeholder\">地图占位</div>");
                    html.Append("<figcaption>").Append(Inline(f.Caption)).AppendLine("</figcaption></figure>");
                    break;
            }
        }
        if (inList)
            html.AppendLine("</ul>");
        html.AppendLine("</body></html>");
        return new UTF8Encoding(false).GetBytes(html.ToString());
    }

    private static string Inline(string text)
    {
        var sb = new StringBuilder();
        foreach (var (run, bold) in ReportBlockReader.Runs(text))
        {
            var encoded = Marker().Replace(Encode(run), "<mark>$0</mark>");
            sb.Append(bold ? $"<strong>{encoded}</strong>" : encoded);
        }
        return sb.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    [GeneratedRegex("【待补：[^】]*】")]
    private static partial Regex Marker();
}
