using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Cli;
using Platform.Testing;

namespace Platform.Reports.Tests;

/// <summary>The documents themselves: Word structure, conversion by LibreOffice, HTML, the other reports and the CLI verb.</summary>
public sealed class DocumentTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private static readonly string[] Headings = ["一、2020年工作总结", "（三）优化结构，实施村(社区)体制机制改革和村(居)民小组优化调整改革", "二、2021年工作计划", "附录：缺失数据清单"];

    private PlatformFactory Factory => fixture.Factory;

    [Fact]
    public async Task Docx_HasHeadingStylesTablesMapsAndEastAsianFonts()
    {
        var bytes = await (await Factory.ClientForAsync("planner")).GetByteArrayAsync("/api/reports/annual?year=2020&format=docx");
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var main = doc.MainDocumentPart!;
        var paragraphs = main.Document.Body!.Elements<Paragraph>().ToList();
        string? StyleOf(string text) => paragraphs.FirstOrDefault(p => p.InnerText == text)?.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        Assert.Equal("Title", StyleOf("兴隆街道社区发展办2020年工作总结及下半年工作计划"));
        Assert.Equal("Heading1", StyleOf(Headings[0]));
        Assert.Equal("Heading2", StyleOf(Headings[1]));
        Assert.Equal("Heading1", StyleOf(Headings[3]));
        var heading1 = main.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == "Heading1");
        Assert.Equal("heading 1", heading1.StyleName!.Val!.Value);
        Assert.Equal(0, heading1.StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        // GB/T 9704-2012: body in 仿宋 三号 (16 pt = 32 half-points), East Asian language zh-CN.
        var runDefaults = main.StyleDefinitionsPart.Styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("FangSong", runDefaults.RunFonts!.EastAsia!.Value);
        Assert.Equal("32", runDefaults.FontSize!.Val!.Value);
        Assert.Equal("zh-CN", runDefaults.Languages!.EastAsia!.Value);
        Assert.Contains(main.FontTablePart!.Fonts!.Elements<Font>(), f => f.Name == "FangSong" && f.AltName!.Val == "仿宋");
        // The standard's A4 type area, 156 mm × 225 mm: 天头 37 mm, 订口 28 mm (±1 mm), so right 26 mm and bottom 35 mm.
        var section = main.Document.Body.Elements<SectionProperties>().Single();
        var margin = section.GetFirstChild<PageMargin>()!;
        static double Mm(double twips) => twips * 25.4 / 1440;
        Assert.InRange(Mm(margin.Top!.Value), 36, 38);
        Assert.InRange(Mm(margin.Left!.Value), 27, 29);
        Assert.InRange(210 - Mm(margin.Left!.Value) - Mm(margin.Right!.Value), 155, 157);
        Assert.InRange(297 - Mm(margin.Top!.Value) - Mm(margin.Bottom!.Value), 224, 226);
        // Page numbers on odd and even pages (different sides), and the 落款: the office over the date, right of the text.
        Assert.Equal(2, section.Elements<FooterReference>().Count());
        Assert.NotNull(main.DocumentSettingsPart!.Settings!.GetFirstChild<EvenAndOddHeaders>());
        Assert.All(main.FooterParts, f => Assert.Contains("PAGE", f.Footer!.InnerText));
        var office = paragraphs.Single(p => p.InnerText == "兴隆街道社区发展办");
        var date = paragraphs[paragraphs.IndexOf(office) + 1];
        Assert.Equal("2020年12月31日", date.InnerText);
        Assert.Equal("Signature", date.ParagraphProperties!.ParagraphStyleId!.Val!.Value);
        Assert.Equal(400, date.ParagraphProperties.Indentation!.RightChars!.Value); // 右空四字
        Assert.True(paragraphs.IndexOf(office) < paragraphs.FindIndex(p => p.InnerText == "附录：缺失数据清单"), "the 落款 closes the text, before the appendix");
        // The sites table is one table: a header row and a row per site, not a table per row.
        var sites = main.Document.Body.Elements<Table>().Single(t => t.Elements<TableRow>().First().InnerText.StartsWith("点位", StringComparison.Ordinal));
        var siteCount = (await (await Factory.ClientForAsync("planner")).JsonAsync("/api/sites?asOf=2020-12-31")).GetArrayLength();
        Assert.Equal(siteCount + 1, sites.Elements<TableRow>().Count());
        Assert.True(sites.Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>() is not null);
        // Columns after their content, filling the 156 mm type area: in the fullest table, the column of the longest text is the widest.
        foreach (var table in main.Document.Body.Elements<Table>())
        {
            var widths = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(c => int.Parse(c.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.InRange(Mm(widths.Sum()), 155, 157);
        }
        var fullest = main.Document.Body.Elements<Table>().OrderByDescending(t => t.Elements<TableRow>().Count()).First();
        var gridWidths = fullest.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(c => int.Parse(c.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var longest = Enumerable.Range(0, gridWidths.Count)
            .Select(i => fullest.Elements<TableRow>().Max(r => (r.Elements<TableCell>().ElementAtOrDefault(i)?.InnerText ?? "").Sum(c => c >= '\u2E80' ? 2 : 1))).ToList();
        Assert.Equal(longest.IndexOf(longest.Max()), gridWidths.IndexOf(gridWidths.Max()));
        // Both distribution maps are printed by the maps' print endpoint and embedded as PNG pictures.
        Assert.True(main.ImageParts.Count() == 2, "maps embedded: " + main.ImageParts.Count() + "; captions: "
            + string.Join(" / ", paragraphs.Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Caption").Select(p => p.InnerText)));
        foreach (var image in main.ImageParts)
        {
            Assert.Equal("image/png", image.ContentType);
            using var s = image.GetStream();
            var signature = new byte[8];
            s.ReadExactly(signature);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, signature);
        }
    }

    [Fact]
    public async Task Docx_ConvertsWithLibreOffice_AndThePdfCarriesTheHeadings()
    {
        var bytes = await (await Factory.ClientForAsync("planner")).GetByteArrayAsync("/api/reports/annual?year=2020&format=docx");
        var dir = TestServer.CreateFolder("docx");
        var docx = Path.Combine(dir, "summary.docx");
        await File.WriteAllBytesAsync(docx, bytes);

        // A profile of its own, so that a LibreOffice running elsewhere on the machine does not take the job.
        var (code, output) = await RunAsync("libreoffice", "-env:UserInstallation=file://" + Path.Combine(dir, "profile"), "--headless", "--convert-to", "pdf", "--outdir", dir, docx);
        var pdf = Path.Combine(dir, "summary.pdf");
        Assert.True(code == 0 && File.Exists(pdf), $"libreoffice exited {code}: {output}");
        var (textCode, text) = await RunAsync("pdftotext", "-enc", "UTF-8", pdf, "-");
        Assert.Equal(0, textCode);
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        foreach (var heading in Headings)
            Assert.Contains(string.Concat(heading.Where(c => !char.IsWhiteSpace(c))), compact);
        Assert.Contains("由原来3个社区、10个村调整为5个社区、2个村，调减比例达46.15%", compact);
        // LibreOffice fills the page fields: the first pages are numbered — 1 —, — 2 — (an em dash each side).
        Assert.Contains("—1—", compact);
        Assert.Contains("—2—", compact);
        Assert.Contains("兴隆街道社区发展办2020年12月31日", compact);
        var (infoCode, info) = await RunAsync("pdfinfo", pdf);
        Assert.Equal(0, infoCode);
        Assert.Matches(@"Page size:\s+595(\.\d+)? x 841\.\d+ pts \(A4\)", info);
    }

    [Fact]
    public async Task Html_IsAStandaloneUtf8Page_WithMapsEmbeddedAndMarkersHighlighted()
    {
        var response = await (await Factory.ClientForAsync("planner")).GetAsync("/api/reports/annual?year=2020&format=html");
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<meta charset=\"utf-8\">", html);
        Assert.Contains("<h2>一、2020年工作总结</h2>", html);
        Assert.Equal(2, html.Split("src=\"data:image/png;base64,").Length - 1);
        // 2020 has no community-fund records in the demo: its figures are markers, highlighted.
        Assert.Contains("<mark>【待补：社区保障（激励）资金业务培训次数】</mark>", html);
        Assert.DoesNotContain("src=\"http", html);
    }

    [Fact]
    public async Task CommunityReport_AndOverview_NameTheirCommunities()
    {
        var client = await Factory.ClientForAsync("planner");
        var year = ReportClient.ThisYear;
        var units = await client.JsonAsync($"/api/jurisdiction/units?level=community&asOf={ReportClient.AsOf(year)}");
        var names = units.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("name").GetString()!).ToList();
        Assert.NotEmpty(names);
        var overview = await client.MarkdownAsync($"/api/reports/overview?year={year}&format=md");
        Assert.StartsWith($"# 兴隆街道{year}年社区情况总体报告", overview);
        foreach (var name in names)
            Assert.Contains($"| {name} | 社区 |", overview);

        var community = await client.MarkdownAsync($"/api/reports/community/XL-LJD?year={year}&format=md");
        Assert.StartsWith($"# 兴隆街道蓝家店社区{year}年社区发展治理分报告", community);
        Assert.Contains("## 附录：缺失数据清单", community);
    }

    /// <summary>
    /// A community's report says how many complaints its compounds had and how many were answered, as the complaint list
    /// of that community gives them, and how many inspections found how many problems, as the inspection list does.
    /// </summary>
    [Fact]
    public async Task CommunityReport_ComplaintAndInspectionSentence_EqualsTheCommunitysRecords()
    {
        var admin = await Factory.ClientForAsync("admin");
        var year = ReportClient.ThisYear;
        static DateOnly ChinaDate(string instant) => DateOnly.FromDateTime(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(8)).DateTime);
        var complaints = (await admin.JsonAsync("/api/governance/complaints")).EnumerateArray()
            .Where(c => ChinaDate(c.GetProperty("filedAt").GetString()!).Year == year).ToList();
        var busiest = complaints.Where(c => c.TryGetProperty("community", out var n) && n.ValueKind == JsonValueKind.String)
            .GroupBy(c => c.GetProperty("community").GetString()!).OrderByDescending(g => g.Count()).First();
        var units = (await admin.JsonAsync($"/api/jurisdiction/units?level=community&asOf={ReportClient.AsOf(year)}")).GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties")).ToList();
        var code = units.Single(u => u.GetProperty("name").GetString() == busiest.Key).GetProperty("code").GetString();
        var received = busiest.Count();
        var responded = busiest.Count(c => c.GetProperty("respondedAt").ValueKind == JsonValueKind.String);

        var report = await admin.MarkdownAsync($"/api/reports/community/{code}?year={year}&format=md");
        Assert.Contains($"本年度共收到小区投诉{received}件次", report);
        Assert.Contains(responded == received ? "均予以处置回复" : $"已处置回复{responded}件次", report);
        Assert.DoesNotContain("小区投诉件次】", report);
        Assert.DoesNotContain("检查发现问题数】", report);
    }

    [Fact]
    public async Task CliVerb_WritesTheFormatNamedByTheExtension()
    {
        var verb = Factory.Services.GetServices<ICliVerb>().Single(v => v.Name == "report");
        var dir = TestServer.CreateFolder("cli");
        var output = new StringWriter();
        var docx = Path.Combine(dir, "summary.docx");
        Assert.Equal(0, await verb.RunAsync(["annual", "--year", "2020", "--out", docx], Factory.Services, output, CancellationToken.None));
        using (var zip = ZipFile.OpenRead(docx))
            Assert.NotNull(zip.GetEntry("word/document.xml"));
        var md = Path.Combine(dir, "ljd.md");
        Assert.Equal(0, await verb.RunAsync(["community", "XL-LJD", "--year", "2020", "--out", md], Factory.Services, output, CancellationToken.None));
        Assert.StartsWith("# 兴隆街道蓝家店社区2020年", await File.ReadAllTextAsync(md));
        Assert.Equal(2, await verb.RunAsync(["annual", "--out", Path.Combine(dir, "x.pdf")], Factory.Services, output, CancellationToken.None));
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
