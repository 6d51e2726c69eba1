using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Maps;
using Platform.Maps.Print;
using Platform.Maps.Tests.Support;
using SkiaSharp;

namespace Platform.Maps.Tests;

/// <summary>Prints for Word and for the wall: PDF with text as text in the SC face, title and subtitle, 300 dpi, facilities by category, legends that fit.</summary>
public sealed partial class PrintTests
{
    private const string Facilities = "registers-facilities";
    private const string Preset = "housing-commerce-facilities";

    [Fact]
    public async Task Pdf_KeepsTitleSubtitleAndCategoryNamesAsText_WithEveryFontEmbedded()
    {
        Directory.CreateDirectory(Output);
        const string title = "兴隆街道公共服务设施分布图（送审稿）";
        const string subtitle = "湖畔片区 · 二〇二六年第四季度";
        var response = await Client.GetAsync($"/api/maps/print?preset={Preset}&format=pdf&size=A3&title={Uri.EscapeDataString(title)}&subtitle={Uri.EscapeDataString(subtitle)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var path = Path.Combine(Output, "facilities.pdf");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());

        var text = await Tools.RunAsync("pdftotext", "-enc", "UTF-8", path, "-");
        Assert.Contains(title, text);
        Assert.Contains(subtitle, text);
        // The categories of the facilities the API serves, by their Chinese names; never their codes.
        var features = (await Client.GetFromJsonAsync<JsonElement>($"/api/maps/export?layer={Facilities}&format=geojson")).GetProperty("features").EnumerateArray().ToList();
        var categories = features.Select(f => f.GetProperty("properties")).Select(p => (Code: p.GetProperty("category").GetString()!, Zh: p.GetProperty("categoryZh").GetString()!)).Distinct().ToList();
        Assert.NotEmpty(categories);
        foreach (var (code, zh) in categories)
        {
            Assert.Contains(zh, text);
            Assert.DoesNotMatch($@"\b{Regex.Escape(code)}\b", text);
        }

        // pdffonts: name type encoding emb sub uni object ID — every font embedded, with a ToUnicode map. Skia embeds the
        // CFF outlines of Noto CJK as Type 3 fonts (no name to read), so the face is checked below against fontconfig.
        var fonts = (await Tools.RunAsync("pdffonts", path)).Split('\n').Skip(2).Where(l => l.Length > 0).Select(l => Regex.Split(l.Trim(), @"\s+")).ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.Equal(["yes", "yes"], new[] { f[^5], f[^3] }));
    }

    [Fact]
    public async Task Health_NamesThePrintFont_AsFontconfigFindsIt_AndStays200()
    {
        // fc-match names the face fontconfig gives for the first family asked for, and its file.
        var family = (await Tools.RunAsync("fc-match", "-f", "%{family[0]}", "Noto Sans CJK SC")).Trim();
        var file = (await Tools.RunAsync("fc-match", "-f", "%{file}", "Noto Sans CJK SC")).Trim();
        var bold = (await Tools.RunAsync("fc-match", "-f", "%{file}|%{index}", "Noto Sans CJK SC:bold")).Trim().Split('|');
        Assert.Equal("Noto Sans CJK SC", family);

        var response = await Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var check = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks").GetProperty("printFont");
        Assert.Equal("healthy", check.GetProperty("status").GetString());
        var data = check.GetProperty("data");
        Assert.Equal(family, data.GetProperty("family").GetString());
        Assert.Equal(file, data.GetProperty("file").GetString());
        Assert.Equal("fontconfig", data.GetProperty("source").GetString());
        Assert.Contains(family, check.GetProperty("description").GetString());
        Assert.NotEqual(file, bold[0]);
        Assert.Equal(family, CjkFont.Instance!.Bold.FamilyName);
        using var boldFace = SKTypeface.FromFile(bold[0], int.Parse(bold[1], CultureInfo.InvariantCulture));
        Assert.Equal(boldFace.FontStyle.Weight, CjkFont.Instance.Bold.FontStyle.Weight);
    }

    [Fact]
    public async Task TheFace_IsTheSimplifiedChineseOne_AsFontconfigNamesIt()
    {
        // fc-match resolves the SC family to a face of the collection (index 2 of NotoSansCJK-Regular.ttc, not JP's 0).
        var match = (await Tools.RunAsync("fc-match", "Noto Sans CJK SC", "family")).Trim();
        Assert.Equal("Noto Sans CJK SC", match);
        Assert.Equal(match, CjkFont.Instance!.Regular.FamilyName);
        var svg = await Client.GetStringAsync($"/api/maps/print?preset={Preset}&format=svg");
        Assert.Contains("font-family=\"'Noto Sans CJK SC'", svg);
        // The SC and JP faces draw 直 differently; the printed face draws it as the SC face does.
        using var sc = SKFontManager.Default.MatchFamily("Noto Sans CJK SC");
        using var jp = SKFontManager.Default.MatchFamily("Noto Sans CJK JP");
        Assert.NotEqual(Render(new SKFont(jp, 48), "直"), Render(new SKFont(sc, 48), "直"));
        Assert.Equal(Render(new SKFont(sc, 48), "直"), Render(new SKFont(CjkFont.Instance.Regular, 48), "直"));
    }

    [Fact]
    public async Task Png_At300Dpi_HasThePapersPixels_AndRecordsItsResolution()
    {
        var bytes = await Client.GetByteArrayAsync($"/api/maps/print?preset={Preset}&format=png&size=A4&orientation=portrait&dpi=300");
        using var bitmap = SKBitmap.Decode(bytes);
        // A4 portrait, 210 × 297 mm at 300 dpi: 210 / 25.4 × 300 = 2480.3, 297 / 25.4 × 300 = 3507.9.
        Assert.Equal(2480, bitmap.Width);
        Assert.Equal(3508, bitmap.Height);
        // pHYs: 300 / 0.0254 = 11811 pixels per metre, unit 1 (metre).
        var at = IndexOf(bytes, "pHYs"u8);
        Assert.True(at > 0, "no pHYs chunk");
        Assert.Equal(11811u, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at + 4)));
        Assert.Equal(11811u, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at + 8)));
        Assert.Equal(1, bytes[at + 12]);
    }

    [Theory]
    [InlineData("dpi=301", "dpi")]
    [InlineData("dpi=1200", "dpi")]
    [InlineData("dpi=abc", "dpi")]
    [InlineData("dpi=30", "dpi")]
    [InlineData("title=%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE%E5%9B%BE", "title")]
    [InlineData("subtitle=a%0Ab", "subtitle")]
    public async Task BadDpiOrTitle_IsAProblemNamingTheField(string query, string field)
    {
        var response = await Client.GetAsync($"/api/maps/print?preset={Preset}&format=png&{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.GetProperty("detailZh").GetString()!);
    }

    [Fact]
    public async Task Legend_EveryLineLiesInsideItsBox_MeasuredIndependently_AndNothingIsCut()
    {
        var svg = XDocument.Parse(await Client.GetStringAsync($"/api/maps/print?preset={Preset}&format=svg&size=A4&orientation=landscape"));
        XNamespace ns = "http://www.w3.org/2000/svg";
        var legend = svg.Descendants(ns + "g").Single(g => (string?)g.Attribute("id") == "legend");
        var box = Bounds((string)legend.Element(ns + "path")!.Attribute("d")!);
        var texts = legend.Elements(ns + "text").ToList();
        Assert.NotEmpty(texts);
        var family = ((string)texts[0].Attribute("font-family")!).Split(',')[0].Trim(' ', '\'');
        Assert.Equal("Noto Sans CJK SC", family);
        foreach (var t in texts)
        {
            var bold = (string?)t.Attribute("font-weight") == "bold";
            using var typeface = SKFontManager.Default.MatchFamily(family, bold ? SKFontStyle.Bold : SKFontStyle.Normal);
            using var font = new SKFont(typeface, float.Parse((string)t.Attribute("font-size")!, CultureInfo.InvariantCulture));
            var x = float.Parse((string)t.Attribute("x")!, CultureInfo.InvariantCulture);
            var y = float.Parse((string)t.Attribute("y")!, CultureInfo.InvariantCulture);
            var width = font.MeasureText(t.Value);
            Assert.Equal("start", (string?)t.Attribute("text-anchor"));
            Assert.True(x >= box.Left && x + width <= box.Right, $"'{t.Value}' spans x {x:0.#}–{x + width:0.#}, the legend {box.Left:0.#}–{box.Right:0.#}");
            Assert.True(y + font.Metrics.Ascent >= box.Top && y + font.Metrics.Descent <= box.Bottom, $"'{t.Value}' spans y outside the legend");
            Assert.DoesNotContain("…", t.Value);
        }

        // Every layer shown is named whole, in both languages, on one line or two.
        var lines = string.Join('\n', texts.Select(t => t.Value));
        var layers = (await Client.GetFromJsonAsync<JsonElement>("/api/layers")).EnumerateArray().ToDictionary(l => l.GetProperty("id").GetString()!);
        var preset = (await Client.GetFromJsonAsync<JsonElement>("/api/maps/presets")).EnumerateArray().Single(p => p.GetProperty("id").GetString() == Preset);
        foreach (var id in preset.GetProperty("available").EnumerateArray().Select(l => l.GetString()!))
        {
            Assert.Contains(layers[id].GetProperty("titleZh").GetString()!, lines);
            Assert.Contains(layers[id].GetProperty("titleEn").GetString()!, lines);
        }
    }

    [Fact]
    public async Task AStrayFacilityFarAway_NeitherMovesTheProjection_NorBreaksThePage()
    {
        var composer = fixture.Factory.Services.GetRequiredService<PrintedMapComposer>();
        var content = await composer.ReadAsync(PrintPreset.Find(Preset)!, null, CancellationToken.None);
        var page = new PageSize("A4", true);
        var font = CjkFont.Instance!;
        var before = composer.Draw(new SvgPageCanvas(page.Width, page.Height, font.Family, page.Dpi), content, page, font);

        // Tiananmen, Beijing: 116.39°E, 39.91°N — outside the 3-degree zone of Chengdu.
        var stray = new MapFeature("stray", new Point(116.39, 39.91) { SRID = 4490 },
            new Dictionary<string, object?> { ["name"] = "北京的点", ["category"] = "kindergarten", ["categoryZh"] = "幼儿园" });
        var layers = content.Layers.Select(l => l.Layer.Id == Facilities ? (l.Layer, (IReadOnlyList<MapFeature>)[.. l.Features, stray]) : l).ToList();
        Assert.Contains(layers, l => l.Layer.Id == Facilities);
        var after = composer.Draw(new SvgPageCanvas(page.Width, page.Height, font.Family, page.Dpi), content with { Layers = layers }, page, font);

        // Xinglong street lies at 104.0–104.1°E: the 3-degree zone of 105°E (35 × 3), EPSG:4544 (4534 + 35 − 25).
        var proj = await Tools.RunAsync("projinfo", "-o", "PROJ", "EPSG:4544");
        Assert.Contains("+lon_0=105", proj);
        Assert.Equal("EPSG:4544", before.Zone.Code);
        Assert.Equal("EPSG:4544", after.Zone.Code);
        Assert.Equal(before.OffPage + 1, after.OffPage);
    }

    private static (float Left, float Top, float Right, float Bottom) Bounds(string d)
    {
        var numbers = Regex.Matches(d, @"-?\d+(\.\d+)?").Select(m => float.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
        var xs = numbers.Where((_, i) => i % 2 == 0).ToList();
        var ys = numbers.Where((_, i) => i % 2 == 1).ToList();
        return (xs.Min(), ys.Min(), xs.Max(), ys.Max());
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle);
}
