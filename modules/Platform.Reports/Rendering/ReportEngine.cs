using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Platform.Abstractions.Reports;
using Platform.Reports.Model;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Platform.Reports.Rendering;

/// <summary>What to render: <c>annual</c>, <c>community</c> (with a code) or <c>overview</c>, for a year.</summary>
/// <param name="AsOf">The date the report is drawn up on, within <paramref name="Year"/>: registers, counts and "截至" read as of it; null for the year's end (or today).</param>
internal sealed record ReportRequest(string Kind, int Year, string? CommunityCode = null, DateOnly? AsOf = null);

/// <summary>A line of the appendix 缺失数据清单.</summary>
internal sealed record MissingEntry(string LabelZh, string FilledByZh, int Occurrences);

/// <summary>A rendered report, ready for a writer.</summary>
internal sealed record RenderedReport(string Title, string FileStem, IReadOnlyList<ReportBlock> Blocks, IReadOnlyList<MissingEntry> Missing, ReportModel Model);

/// <summary>
/// Renders a report: reads the model, renders each active section's template and then the report's template with Scriban,
/// reads the output into blocks, prints the maps and appends the appendix of missing data. Any template error stops it
/// with a <see cref="ReportTemplateException"/>: no partial report is produced.
/// </summary>
internal sealed partial class ReportEngine(ReportModelBuilder builder, ReportTemplates templates, IReportSectionCatalog sections, MapFigures maps)
{
    public const string AppendixTitle = "附录：缺失数据清单";

    /// <param name="trial">Template texts to use instead of the stored ones, by name (preview and upload checks); nothing is saved.</param>
    /// <param name="printMaps">False to leave the maps as placeholders (an upload's check renders every year and needs only the text).</param>
    public async Task<RenderedReport> RenderAsync(ReportRequest request, ClaimsPrincipal? user, IReadOnlyDictionary<string, string>? trial, CancellationToken ct, bool printMaps = true)
    {
        var model = await builder.BuildAsync(request.Kind, request.Year, request.CommunityCode, user, ct, request.AsOf);
        var period = new ReportPeriod(model.From, model.To, request.CommunityCode);

        var rendered = new List<ScriptObject>();
        foreach (var section in sections.Active.Where(ReportTemplates.PrintsText))
        {
            var text = await TextOfAsync(section.Id, trial, ct) ?? section.Template;
            object data;
            try
            {
                data = model.SectionData.TryGetValue(section.Id, out var shared) ? shared : await section.DataAsync(period, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                rendered.Add(SectionObject(section, MissingFigures.Marker($"{section.TitleZh}数据（读取失败：{e.Message}）")));
                continue;
            }
            rendered.Add(SectionObject(section, Render(section.Id, text, model, globals => globals.SetValue("section", data, true))));
        }

        var main = await TextOfAsync(request.Kind, trial, ct) ?? throw new InvalidOperationException($"No template {request.Kind}.");
        var output = Render(request.Kind, main, model, globals =>
        {
            var list = new ScriptArray(rendered);
            globals.SetValue("sections", list, true);
        });

        var blocks = ReportBlockReader.Read(output);
        if (printMaps)
            blocks = await maps.PrintAsync(blocks, model.AsOf, user, ct);
        var missing = Missing(blocks);
        blocks.AddRange(Appendix(missing));
        var title = blocks.OfType<HeadingBlock>().FirstOrDefault(h => h.Level == 1)?.Text ?? $"{model.Year}年报告";
        var stem = request.Kind switch
        {
            "community" => $"community-{request.CommunityCode}-{request.Year}",
            _ => $"{request.Kind}-{request.Year}",
        };
        return new RenderedReport(ReportBlockReader.Plain(title), stem, blocks, missing, model);
    }

    /// <summary>Parses <paramref name="text"/> only; throws <see cref="ReportTemplateException"/> on a syntax error.</summary>
    public static Template Parse(string name, string text)
    {
        var template = Template.Parse(text, name);
        if (template.HasErrors)
        {
            var error = template.Messages.First(m => m.Type == ParserMessageType.Error);
            throw new ReportTemplateException(name, error.Span.Start.Line + 1, error.Span.Start.Column + 1, error.Message);
        }
        return template;
    }

    private async Task<string?> TextOfAsync(string name, IReadOnlyDictionary<string, string>? trial, CancellationToken ct) =>
        trial is not null && trial.TryGetValue(name, out var t) ? t : (await templates.CurrentAsync(name, ct))?.Text;

    private static readonly TimeSpan RenderTimeLimit = TimeSpan.FromSeconds(5);
    private const int MaxOutputChars = 5_000_000;

    private static string Render(string name, string text, ReportModel model, Action<ScriptObject> more)
    {
        var template = Parse(name, text);
        var globals = new ScriptObject();
        globals.SetValue("report", ReportObject(model), true);
        globals.Import("missing", new Func<string, string>(key => MissingFigures.Marker(MissingFigures.Find(key)?.LabelZh ?? key)));
        globals.Import("map", new Func<string, string, string>((preset, caption) => $"![{caption}](map:{preset})"));
        globals.Import("date", new Func<DateOnly, string>(d => $"{d.Year}年{d.Month}月{d.Day}日"));
        globals.Import("cn", new Func<int, string>(ChineseNumeral));
        // 落款: the office over the date, Chinese form ("2026年12月2日"), read back as a SignatureBlock.
        globals.Import("signature", new Func<string, DateOnly, string>((office, d) => $">> {office.Replace("|", "", StringComparison.Ordinal)} | {d.Year}年{d.Month}月{d.Day}日"));
        more(globals);
        // Limits: iterations per loop, recursion, output size, and wall time (a nested loop can still do 100 000² steps).
        using var timeout = new CancellationTokenSource(RenderTimeLimit);
        var context = new ReportTemplateContext
        {
            StrictVariables = true, EnableRelaxedMemberAccess = false, LoopLimit = 100_000, RecursiveLimit = 50,
            LimitToString = 1_000_000, ObjectRecursionLimit = 20, CancellationToken = timeout.Token,
        };
        context.PushGlobal(globals);
        try
        {
            var output = template.Render(context);
            if (output.Length > MaxOutputChars)
                throw new ReportTemplateException(name, 1, 1, $"the template writes more than {MaxOutputChars} characters");
            return output;
        }
        catch (ScriptRuntimeException e)
        {
            throw new ReportTemplateException(name, e.Span.Start.Line + 1, e.Span.Start.Column + 1, e.OriginalMessage);
        }
        catch (OperationCanceledException)
        {
            throw new ReportTemplateException(name, 1, 1, $"the template ran longer than {RenderTimeLimit.TotalSeconds:0} s");
        }
    }

    private static ScriptObject ReportObject(ReportModel model)
    {
        var report = new ScriptObject
        {
            ["kind"] = model.Kind,
            ["year"] = model.Year,
            ["from"] = model.From,
            ["to"] = model.To,
            ["as_of"] = model.AsOf,
            ["gardens"] = model.Gardens,
        };
        foreach (var (name, value) in model.Figures)
            report[name] = value;
        return report;
    }

    // A section is placed under a heading of the report's template (level 3): its own title line is dropped when it repeats
    // the section's title, and its headings move below that level.
    private static string Nest(IReportSection section, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var first = lines.FindIndex(l => l.Trim().Length > 0);
        if (first >= 0 && lines[first].TrimStart().StartsWith('#') && lines[first].Contains(section.TitleZh, StringComparison.Ordinal))
            lines.RemoveAt(first);
        return string.Join('\n', lines.Select(l => l.TrimStart().StartsWith('#') ? "#### " + l.TrimStart().TrimStart('#').Trim() : l));
    }

    private static ScriptObject SectionObject(IReportSection section, string text)
    {
        text = Nest(section, text);
        var o = new ScriptObject
        {
            ["id"] = section.Id,
            ["title_zh"] = section.TitleZh,
            ["title_en"] = section.TitleEn,
            ["order"] = section.Order,
            ["text"] = text,
        };
        return o;
    }

    private static List<MissingEntry> Missing(IEnumerable<ReportBlock> blocks)
    {
        var texts = blocks.SelectMany(b => b switch
        {
            HeadingBlock h => [h.Text],
            ParagraphBlock p => [p.Text],
            ListItemBlock l => [l.Text],
            TableBlock t => t.Header.Concat(t.Rows.SelectMany(r => r)),
            FigureBlock f => [f.Caption],
            _ => Array.Empty<string>(),
        });
        return texts.SelectMany(t => Marker().Matches(t).Select(m => m.Groups[1].Value))
            .GroupBy(label => label)
            .Select(g => new MissingEntry(g.Key, MissingFigures.All.FirstOrDefault(m => m.LabelZh == g.Key)?.FilledByZh ?? "模板中标注的待补数据", g.Count()))
            .ToList();
    }

    private static IEnumerable<ReportBlock> Appendix(IReadOnlyList<MissingEntry> missing)
    {
        yield return new HeadingBlock(2, AppendixTitle);
        if (missing.Count == 0)
        {
            yield return new ParagraphBlock("本报告所有数据均已由平台记录填写，无待补数据。");
            yield break;
        }
        yield return new ParagraphBlock($"以下{missing.Count}项数据平台尚未记录，正文中以“{MissingFigures.MarkerStart}……{MissingFigures.MarkerEnd}”标出，未作估填：");
        yield return new TableBlock(["序号", "待补数据", "可由以下记录填写", "正文出现次数"],
            missing.Select((m, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), m.LabelZh, m.FilledByZh, m.Occurrences.ToString(CultureInfo.InvariantCulture)]).ToList());
    }

    private static string ChineseNumeral(int n)
    {
        string[] digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        return n switch
        {
            < 0 => n.ToString(CultureInfo.InvariantCulture),
            < 10 => digits[n],
            10 => "十",
            < 20 => "十" + digits[n % 10],
            < 100 => digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10]),
            _ => n.ToString(CultureInfo.InvariantCulture),
        };
    }

    [GeneratedRegex("【待补：(.+?)】")]
    private static partial Regex Marker();

    /// <summary>Prints dates as ISO dates and numbers without trailing zeros, whatever the server's culture.</summary>
    private sealed class ReportTemplateContext : TemplateContext
    {
        public override string? ObjectToString(object? value, bool nested = false) => value switch
        {
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            double x => x.ToString("0.##", CultureInfo.InvariantCulture),
            decimal x => x.ToString("0.##", CultureInfo.InvariantCulture),
            float x => x.ToString("0.##", CultureInfo.InvariantCulture),
            _ => base.ObjectToString(value, nested),
        };
    }
}
