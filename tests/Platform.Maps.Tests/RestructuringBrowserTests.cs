using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Platform.Maps.Tests.Support;
using Platform.Testing;

namespace Platform.Maps.Tests;

/// <summary>
/// The restructuring wizard (<c>/restructuring.html</c>) in headless Chromium: an administrator abolishes 刘家坝村 and merges it
/// into 天明社区 (撤村并村) with the decision paper uploaded, previews it, registers it, and reads the reduction ratio. The new
/// boundary's area is measured here by PROJ and the shoelace formula and compared with the predecessors' areas measured the same
/// way. The merge changes the demo jurisdiction, so the class runs on a host of its own, not the shared maps host.
/// </summary>
public sealed class RestructuringBrowserTests(MapsHost host) : ChromiumTest, IClassFixture<MapsHost>
{
    [Fact]
    public async Task AnAdministrator_MergesAVillageThroughTheWizard_AndSeesTheNewBoundaryAndTheRatio()
    {
        using var admin = await AdminAsync();
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var before = await UnitsAsync(admin, today);
        var liujiaba = before.Single(u => Name(u) == "刘家坝村");
        var tianming = before.Single(u => Name(u) == "天明社区");
        // The demo's cells share their vertices, so the union's area is the sum of the two areas.
        var expected = GaussKrugerArea(liujiaba.GetProperty("geometry")) + GaussKrugerArea(tianming.GetProperty("geometry"));
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.Address.ToString(), ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync("/restructuring.html");
        await page.FillAsync("#login-user", "admin");
        await page.FillAsync("#login-password", "demo");
        await page.ClickAsync("#login-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === 'true'", null, new PageWaitForFunctionOptions { Timeout = 30_000 });

        // The step, its units and its decision, typed as a clerk would; the paper attached.
        await page.CheckAsync("#step-merge");
        await page.CheckAsync("#mg-absorbed-XL-LJB");
        await page.SelectOptionAsync("#mg-successor", new SelectOptionValue { Label = "天明社区（XL-TM）" });
        await page.FillAsync("#d-number", "天府示例〔2026〕21号");
        await page.FillAsync("#d-reason", "撤销刘家坝村，并入天明社区");
        await page.SetInputFilesAsync("#d-file", new FilePayload { Name = "决定.pdf", MimeType = "application/pdf", Buffer = pdf });

        // Preview: the successor's new area and the expected ratio — 5 communities and 2 villages to 5 and 1: 1 of 7 fewer = 14.29%.
        await page.ClickAsync("#r-preview");
        await page.Locator("#preview-table td.area-after[data-area]:not([data-area=''])").WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        var previewed = double.Parse((await page.GetAttributeAsync("#preview-table tr[data-change=absorbed] td.area-after", "data-area"))!, CultureInfo.InvariantCulture);
        Assert.Equal(expected, previewed, expected * 0.002);
        Assert.Equal("14.29", await page.GetAttributeAsync("#ratio", "data-percent"));
        Assert.Contains("调整为5个社区、1个村", await page.TextContentAsync("#ratio"));
        Assert.Contains(await UnitsAsync(admin, today), u => Name(u) == "刘家坝村");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "restructuring-preview.png"), FullPage = true });

        await page.ClickAsync("#r-submit");
        await page.Locator("#ratio-result[data-percent]").WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        Assert.Equal("14.29", await page.GetAttributeAsync("#ratio-result", "data-percent"));
        Assert.Contains("由原来5个社区、2个村调整为5个社区、1个村", await page.TextContentAsync("#ratio-result"));
        Assert.Contains("已登记", await page.TextContentAsync("#r-status"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "restructuring-merged.png"), FullPage = true });

        // The register: 刘家坝村 gone, 天明社区's boundary covering both, the paper's hash on the decision.
        var after = await UnitsAsync(admin, today);
        Assert.DoesNotContain(after, u => Name(u) == "刘家坝村");
        var merged = after.Single(u => Name(u) == "天明社区");
        Assert.Equal(expected, GaussKrugerArea(merged.GetProperty("geometry")), expected * 0.002);
        var shown = double.Parse((await page.GetAttributeAsync("#r-changed", "data-area"))!, CultureInfo.InvariantCulture);
        Assert.Equal(expected, shown, expected * 0.002);
        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/jurisdiction/units/{merged.GetProperty("properties").GetProperty("id").GetString()}/history");
        var absorbed = history.EnumerateArray().Last(e => e.GetProperty("type").GetString() == "jurisdiction.units_absorbed");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), absorbed.GetProperty("changes").GetProperty("decision").GetProperty("documentSha256").GetString());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task AFailingHouseholdVote_IsExplainedInTheWizard_AndNothingMerges()
    {
        using var admin = await AdminAsync();
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.Address.ToString(), ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync("/restructuring.html");
        await page.FillAsync("#login-user", "admin");
        await page.FillAsync("#login-password", "demo");
        await page.ClickAsync("#login-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === 'true'", null, new PageWaitForFunctionOptions { Timeout = 30_000 });

        await page.CheckAsync("#step-groups");
        await page.SelectOptionAsync("#gm-parent", new SelectOptionValue { Label = "龙灯山村（XL-LDS）" });
        await page.CheckAsync("#gm-groups-XL-LDS-G1");
        await page.SelectOptionAsync("#gm-successor", new SelectOptionValue { Label = "龙灯山村2组（XL-LDS-G2）" });
        // 50 of 120 households (less than two thirds) and 50 of 400 adults (not half): not quorate.
        foreach (var (id, value) in new[] { ("#v-eligible", "120"), ("#v-adults", "400"), ("#v-present", "50"), ("#v-adults-present", "50"), ("#v-households", "50"), ("#v-for", "48"), ("#v-against", "1") })
            await page.FillAsync(id, value);
        await page.FillAsync("#d-number", "兴隆示例〔2026〕3号");
        await page.FillAsync("#d-reason", "村民小组优化调整");
        Assert.Contains("✘ 法定人数", await page.TextContentAsync("#rules-body"));

        await page.ClickAsync("#r-preview");
        await page.Locator("#r-refusal:not([hidden])").WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        Assert.Contains("会议未达法定人数", await page.TextContentAsync("#r-refusal"));
        Assert.True(await page.Locator("#r-bubble").IsVisibleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "restructuring-vote.png"), FullPage = true });

        var groups = await admin.GetFromJsonAsync<JsonElement>("/api/jurisdiction/units?level=group");
        Assert.Contains(groups.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("code").GetString() == "XL-LDS-G1");
        Assert.Empty(errors);
    }

    private async Task<HttpClient> AdminAsync()
    {
        var client = host.Process.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { username = "admin", password = "demo" });
        login.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        return client;
    }

    private static async Task<List<JsonElement>> UnitsAsync(HttpClient client, string date) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/jurisdiction/units?asOf={date}")).GetProperty("features").EnumerateArray()];

    private static string? Name(JsonElement feature) => feature.GetProperty("properties").GetProperty("name").GetString();

    /// <summary>
    /// A Polygon's or MultiPolygon's area in m² in the Chengdu Gauss–Krüger zone (EPSG:4544): vertices projected by PROJ's cs2cs,
    /// each ring by the shoelace formula, holes subtracted.
    /// </summary>
    private static double GaussKrugerArea(JsonElement geometry)
    {
        var polygons = geometry.GetProperty("type").GetString() == "MultiPolygon"
            ? geometry.GetProperty("coordinates").EnumerateArray().ToList()
            : [geometry.GetProperty("coordinates")];
        var total = 0.0;
        foreach (var polygon in polygons)
        {
            foreach (var (ring, i) in polygon.EnumerateArray().Select((r, i) => (r, i)))
            {
                var xy = Proj.ToGaussKruger(4544, [.. ring.EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble()))]);
                var twice = 0.0;
                for (var k = 0; k < xy.Count; k++)
                    twice += (xy[k].X * xy[(k + 1) % xy.Count].Y) - (xy[(k + 1) % xy.Count].X * xy[k].Y);
                total += (i == 0 ? 1 : -1) * Math.Abs(twice) / 2;
            }
        }
        return total;
    }
}
