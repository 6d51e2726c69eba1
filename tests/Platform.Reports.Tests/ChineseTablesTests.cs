using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Platform.Testing;

namespace Platform.Reports.Tests;

/// <summary>The tables of the zh-CN annual summary speak Chinese: no code, no ISO date, no English heading.</summary>
public sealed partial class ChineseTablesTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task TheAnnualSummarysTables_HoldNoRawCode_NoIsoDate_AndOnlyChineseHeadings()
    {
        var client = await fixture.Factory.ClientForAsync("planner");
        var md = await client.MarkdownAsync($"/api/reports/annual?year={ReportClient.ThisYear}&format=md");
        var tables = Tables(md);
        Assert.True(tables.Count >= 5, md);
        foreach (var table in tables)
        {
            Assert.All(table[0], h => Assert.DoesNotMatch(LatinWord(), h));
            foreach (var cell in table.SelectMany(r => r))
            {
                Assert.DoesNotMatch(Code(), cell);
                Assert.DoesNotMatch(IsoDate(), cell);
            }
        }

        // The DOCX's tables say the same: every cell's text, read from the document's XML.
        var bytes = await (await client.GetAsync($"/api/reports/annual?year={ReportClient.ThisYear}&format=docx")).Content.ReadAsByteArrayAsync();
        using var docx = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var docxTables = docx.MainDocumentPart!.Document!.Body!.Descendants<Table>().ToList();
        Assert.Equal(tables.Count, docxTables.Count);
        foreach (var cell in docxTables.SelectMany(t => t.Descendants<TableCell>()).Select(c => c.InnerText.Trim()))
        {
            Assert.DoesNotMatch(Code(), cell);
            Assert.DoesNotMatch(IsoDate(), cell);
        }
    }

    [Fact]
    public async Task TheSitesTable_NamesEachCategory_AsTheSitesLayerLabelsIt()
    {
        var client = await fixture.Factory.ClientForAsync("planner");
        var md = await client.MarkdownAsync($"/api/reports/annual?year={ReportClient.ThisYear}&format=md");
        var sites = Tables(md).Single(t => t[0][0] == "点位" && t[0].Contains("类别"));
        var column = Array.IndexOf(sites[0], "类别");

        // The labels the map layer gives its category codes (legends, popups), and each site's code from /api/sites.
        var layers = await client.JsonAsync("/api/layers");
        var labels = layers.EnumerateArray().Single(l => l.GetProperty("id").GetString() == "registers-sites")
            .GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "category")
            .GetProperty("values").EnumerateArray().ToDictionary(v => v.GetProperty("value").GetString()!, v => v.GetProperty("labelZh").GetString()!);
        var categories = (await client.JsonAsync($"/api/sites?asOf={ReportClient.AsOf(ReportClient.ThisYear)}")).EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("category").GetString()!);
        Assert.Contains(categories.Values, c => c.Contains('_', StringComparison.Ordinal));
        var rows = sites.Skip(1).ToList();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
            Assert.Equal(labels[categories[row[0]]], row[column]);
    }

    [Fact]
    public async Task TheSmartScenesTable_NamesTheDeviceKinds_AsTheDeviceLayerLabelsThem()
    {
        var client = await fixture.Factory.ClientForAsync("planner");
        var md = await client.MarkdownAsync($"/api/reports/annual?year={ReportClient.ThisYear}&format=md");
        var devices = Tables(md).Single(t => t[0][0] == "设备类型");
        var layers = await client.JsonAsync("/api/layers");
        var kinds = layers.EnumerateArray().Single(l => l.GetProperty("id").GetString() == "smart-devices")
            .GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "kind")
            .GetProperty("values").EnumerateArray().Select(v => v.GetProperty("labelZh").GetString()!).ToList();
        Assert.Equal(kinds, devices.Skip(1).Select(r => r[0]).ToList());
        Assert.Equal(["设备类型", "合计", "在线", "离线", "维护中"], devices[0]);
    }

    // Every pipe table of the Markdown: rows of cells, the header first, the --- row left out.
    private static List<List<string[]>> Tables(string md)
    {
        var tables = new List<List<string[]>>();
        List<string[]>? table = null;
        foreach (var line in md.Split('\n').Select(l => l.Trim()))
        {
            if (!line.StartsWith('|'))
            {
                table = null;
                continue;
            }
            if (table is null)
                tables.Add(table = []);
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (cells.All(c => c.StartsWith("---", StringComparison.Ordinal)))
                continue;
            table.Add(cells);
        }
        return tables;
    }

    // A code: a lower-case word, alone or snake_case (public_service, housing, under_construction).
    [GeneratedRegex(@"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex Code();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDate();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex LatinWord();
}
