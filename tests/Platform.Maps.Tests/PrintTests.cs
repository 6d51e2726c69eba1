using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;
using SkiaSharp;

namespace Platform.Maps.Tests;

/// <summary>Printed distribution maps: each preset as PNG and SVG, legends naming every layer, Chinese text in real glyphs.</summary>
public sealed partial class PrintTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private static readonly string Output = Path.Combine(AppContext.BaseDirectory, "prints");

    private HttpClient Client => fixture.Factory.CreateClient();

    [Fact]
    public async Task Presets_AreTheSeedsTwoDistributionMaps()
    {
        var presets = await Client.GetFromJsonAsync<JsonElement>("/api/maps/presets");
        var titles = presets.EnumerateArray().Select(p => p.GetProperty("titleZh").GetString()!).ToList();
        Assert.Contains(titles, t => t.Contains("住宅、商业、公服配套分布图", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.Contains("项目建设分布图", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryPreset_PrintsAnA4Png_AndAnSvgWhoseLegendNamesEveryLayerShown()
    {
        Directory.CreateDirectory(Output);
        var layers = (await Client.GetFromJsonAsync<JsonElement>("/api/layers")).EnumerateArray()
            .ToDictionary(l => l.GetProperty("id").GetString()!, l => l.GetProperty("titleZh").GetString()!);
        foreach (var preset in (await Client.GetFromJsonAsync<JsonElement>("/api/maps/presets")).EnumerateArray())
        {
            var id = preset.GetProperty("id").GetString()!;
            var wanted = preset.GetProperty("layers").EnumerateArray().Select(l => l.GetString()!).ToList();
            var shown = wanted.Where(layers.ContainsKey).ToList();
            Assert.NotEmpty(shown);

            var png = await Client.GetAsync($"/api/maps/print?preset={id}&format=png&size=A4&orientation=landscape");
            Assert.Equal(HttpStatusCode.OK, png.StatusCode);
            Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
            var bytes = await png.Content.ReadAsByteArrayAsync();
            await File.WriteAllBytesAsync(Path.Combine(Output, $"{id}.png"), bytes);
            using (var bitmap = SKBitmap.Decode(bytes))
            {
                // A4 landscape at 150 dpi: 297 × 210 mm.
                Assert.Equal(Math.Round(297 / 25.4 * 150), bitmap.Width);
                Assert.Equal(Math.Round(210 / 25.4 * 150), bitmap.Height);
            }
            Assert.Equal(shown, png.Headers.GetValues("X-Map-Layers").Single().Split(','));

            var svg = await Client.GetStringAsync($"/api/maps/print?preset={id}&format=svg&size=A3&orientation=portrait");
            await File.WriteAllTextAsync(Path.Combine(Output, $"{id}.svg"), svg);
            Assert.Contains("图例", svg);
            Assert.Matches("(米 m|千米 km)<", svg);
            foreach (var layer in shown)
                Assert.Contains($">{layers[layer]} ", svg);
        }
    }

    [Fact]
    public async Task ChineseText_IsDrawnWithRealGlyphs_NotNotdefBoxes()
    {
        // The machine's CJK face, found independently of the code under test.
        using var typeface = SKFontManager.Default.MatchCharacter('中');
        Assert.True(typeface is not null, "no CJK font: apt-get install fonts-noto-cjk");
        using var font = new SKFont(typeface, 48);
        Assert.True(font.ContainsGlyphs("兴隆街道分布图例"));
        var real = Render(font, "兴隆");
        var boxes = Render(font, "\uFFFF\uFFFF");
        Assert.NotEqual(boxes, real);

        // The printed title is dark ink where its glyphs are: many more than the outline of two boxes would give.
        var bytes = await Client.GetByteArrayAsync("/api/maps/print?preset=project-construction&format=png");
        using var bitmap = SKBitmap.Decode(bytes);
        var dark = 0;
        for (var y = 50; y < 130; y++)
            for (var x = bitmap.Width / 4; x < bitmap.Width * 3 / 4; x++)
                if (bitmap.GetPixel(x, y).Red < 100)
                    dark++;
        Assert.True(dark > 3000, $"only {dark} dark pixels in the title band");
    }

    [Fact]
    public async Task UnknownPresetAndBadParameters_AreProblems()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/maps/print?preset=nope")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/api/maps/print?preset=project-construction&size=B5")).StatusCode);
        var custom = await Client.GetAsync("/api/maps/print?layers=jurisdiction-communities,not-yet-a-layer&format=svg");
        Assert.Equal(HttpStatusCode.OK, custom.StatusCode);
        Assert.Equal("not-yet-a-layer", custom.Headers.GetValues("X-Map-Skipped-Layers").Single());
    }

    private static string Render(SKFont font, string text)
    {
        using var bitmap = new SKBitmap(160, 80);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        using var paint = new SKPaint { Color = SKColors.Black };
        canvas.DrawText(text, 4, 60, SKTextAlign.Left, font, paint);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bitmap.Bytes));
    }
}
