using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Platform.Maps.Tests.Support;

namespace Platform.Maps.Tests;

/// <summary>
/// The compound editor of the web map (the registers' panel) in headless Chromium: an administrator picks a compound on the
/// map, renames it through the form and sees it saved and in the history; an invalid household count and a boundary moved
/// over the neighbour are refused with the API's Chinese reason next to the geometry; an edit based on a stale version
/// offers to reload.
/// </summary>
[Collection(MapsHostCollection.Name)]
public sealed class CompoundEditBrowserTests(MapsHost host) : ChromiumTest
{
    private static object Square(double w, double s, double size) => new
    {
        type = "Polygon",
        coordinates = new[] { new[] { new[] { w, s }, new[] { w + size, s }, new[] { w + size, s + size }, new[] { w, s + size }, new[] { w, s } } },
    };

    private static string Js(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private async Task<HttpClient> AdminAsync()
    {
        var client = host.Process.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { username = "admin", password = "demo" });
        login.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        return client;
    }

    private static async Task<Guid> CreateAsync(HttpClient admin, string name, double w, double s)
    {
        var created = await admin.PostAsJsonAsync("/api/compounds", new { name, kind = "commercial", households = 200, geometry = Square(w, s, 0.0008) });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task AnAdministrator_RenamesACompoundInTheForm_AndSeesRefusalsNextToIt()
    {
        using var admin = await AdminAsync();
        // A free corner of 保水社区 (no demo compound within 0.004°).
        var (w, s) = (104.1040, 30.4000);
        var suffix = Guid.NewGuid().ToString("N")[..4];
        await CreateAsync(admin, $"浏览器邻居{suffix}", w, s);
        var id = await CreateAsync(admin, $"浏览器小区{suffix}", w + 0.0010, s);
        var (lon, lat) = (w + 0.0014, s + 0.0004);

        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(host.Address.ToString());
        await page.WaitForFunctionAsync("() => window.platformMap && platformMap.ready", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
        await page.FillAsync("#login-user", "admin");
        await page.FillAsync("#login-password", "demo");
        await page.ClickAsync("#login-form button[type=submit]");
        await page.Locator("#who").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 10_000 });
        await page.WaitForFunctionAsync("() => typeof platformMap.compoundEditor === 'function'", null, new PageWaitForFunctionOptions { Timeout = 30_000 });

        // Pick it on the map: the form opens with its details and the version it was read at.
        await page.EvaluateAsync($"() => platformMap.goTo({Js(lon)}, {Js(lat)}, 18)");
        // The click picks what the loaded tiles hold: wait for the compound itself to be drawn, not for a quiet moment.
        await page.WaitForFunctionAsync("id => platformMap.featureIds('registers-compounds').includes(id) && platformMap.pending() === 0", id.ToString(), new PageWaitForFunctionOptions { Timeout = 30_000 });
        await page.Locator("#compound-pick").ClickAsync();
        var pixel = await page.EvaluateAsync<double[]>($"() => platformMap.pixelOf({Js(lon)}, {Js(lat)})");
        var box = (await page.Locator("#map").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + (float)pixel[0], box.Y + (float)pixel[1]);
        await page.WaitForFunctionAsync($"() => platformMap.compoundEditor().id === '{id}'", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        Assert.Equal($"浏览器小区{suffix}", await page.InputValueAsync("#compound-name"));
        Assert.Equal("200", await page.InputValueAsync("#compound-households"));

        // Renamed through the form: saved, in the register, and in the history panel.
        await page.FillAsync("#compound-name", $"浏览器更名{suffix}");
        await page.FillAsync("#compound-reason", "名称更正");
        await page.ClickAsync("#compound-save");
        await page.WaitForFunctionAsync("() => document.querySelector('#compound-message').textContent.includes('已保存')", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        var saved = await admin.GetFromJsonAsync<JsonElement>($"/api/compounds/{id}");
        Assert.Equal($"浏览器更名{suffix}", saved.GetProperty("name").GetString());
        Assert.Equal(2, saved.GetProperty("version").GetInt64());
        await page.WaitForFunctionAsync("() => document.querySelector('#compound-history').textContent.includes('修改信息（名称更正）')", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "compound-saved.png") });

        // A negative household count: the API's reason, in Chinese, in the form and over the compound; nothing written.
        await page.FillAsync("#compound-households", "-5");
        await page.ClickAsync("#compound-save");
        await page.Locator("#compound-message.error").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        Assert.Contains("户数须在 0 至", await page.Locator("#compound-message").TextContentAsync());
        Assert.True(await page.Locator("#compound-refusal").IsVisibleAsync());
        Assert.Equal(200, (await admin.GetFromJsonAsync<JsonElement>($"/api/compounds/{id}")).GetProperty("households").GetInt32());

        // The boundary moved 0.0005° west, over the neighbour: refused naming it, shown where they overlap.
        await page.FillAsync("#compound-households", "200");
        await page.EvaluateAsync($"() => platformMap.compoundEditor().setGeometry({JsonSerializer.Serialize(Square(w + 0.0005, s, 0.0008))})");
        await page.ClickAsync("#compound-save");
        await page.WaitForFunctionAsync($"() => document.querySelector('#compound-refusal').textContent.includes('浏览器邻居{suffix}')", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        Assert.Contains("重叠", await page.Locator("#compound-refusal").TextContentAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "compound-overlap.png") });
        Assert.Equal(2, (await admin.GetFromJsonAsync<JsonElement>($"/api/compounds/{id}")).GetProperty("version").GetInt64());

        // Someone else renames it meanwhile: the page's save is refused as stale and offers to reload, which shows their name.
        await page.EvaluateAsync($"() => platformMap.compoundEditor().open('{id}')");
        await page.WaitForFunctionAsync("() => platformMap.compoundEditor().etag === '\"2\"' && !platformMap.compoundEditor().moved", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        using (var other = new HttpRequestMessage(HttpMethod.Patch, $"/api/compounds/{id}") { Content = JsonContent.Create(new { name = $"他人更名{suffix}" }) })
        {
            other.Headers.TryAddWithoutValidation("If-Match", "\"2\"");
            (await admin.SendAsync(other)).EnsureSuccessStatusCode();
        }
        await page.FillAsync("#compound-name", $"过期更名{suffix}");
        await page.ClickAsync("#compound-save");
        await page.Locator("#compound-reload").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 10_000 });
        Assert.Contains("已被他人修改", await page.Locator("#compound-message").TextContentAsync());
        await page.ClickAsync("#compound-reload");
        await page.WaitForFunctionAsync($"() => document.querySelector('#compound-name').value === '他人更名{suffix}'", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task AnAdministrator_RenamesAndDragsAFacility_AndAnEmptyNameIsRefused()
    {
        using var admin = await AdminAsync();
        var suffix = Guid.NewGuid().ToString("N")[..4];
        var (lon, lat) = (104.1045, 30.4030);
        var created = await admin.PostAsJsonAsync("/api/facilities", new { name = $"浏览器幼儿园{suffix}", category = "kindergarten", geometry = new { type = "Point", coordinates = new[] { lon, lat } } });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(host.Address.ToString());
        await page.WaitForFunctionAsync("() => window.platformMap && platformMap.ready", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
        await page.FillAsync("#login-user", "admin");
        await page.FillAsync("#login-password", "demo");
        await page.ClickAsync("#login-form button[type=submit]");
        await page.Locator("#who").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 10_000 });
        try
        {
            await page.WaitForFunctionAsync("() => typeof platformMap.facilityEditor === 'function'", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail(await page.EvaluateAsync<string>("() => JSON.stringify({ status: document.querySelector('#status')?.textContent, panels: platformMap.panels() })") + string.Join("\n", errors));
        }
        await page.EvaluateAsync($"() => platformMap.goTo({Js(lon)}, {Js(lat)}, 18)");
        await page.WaitForFunctionAsync("id => platformMap.featureIds('registers-facilities').includes(id) && platformMap.pending() === 0", id.ToString(), new PageWaitForFunctionOptions { Timeout = 30_000 });
        await page.Locator("#facility-pick").ClickAsync();
        var pixel = await page.EvaluateAsync<double[]>($"() => platformMap.pixelOf({Js(lon)}, {Js(lat)})");
        var box = (await page.Locator("#map").BoundingBoxAsync())!;
        var (x, y) = (box.X + (float)pixel[0], box.Y + (float)pixel[1]);
        await page.Mouse.ClickAsync(x, y);
        await page.WaitForFunctionAsync($"() => platformMap.facilityEditor().id === '{id}'", null, new PageWaitForFunctionOptions { Timeout = 10_000 });

        await page.FillAsync("#facility-name", "");
        await page.ClickAsync("#facility-save");
        await page.Locator("#facility-message.error").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        Assert.Contains("设施名称必填", await page.Locator("#facility-refusal").TextContentAsync());

        // Renamed, and its point dragged 60 pixels east.
        await page.FillAsync("#facility-name", $"浏览器托育园{suffix}");
        await page.SelectOptionAsync("#facility-category", "nursery");
        // The pick's click opened the map's popup, which may have panned the map: close it and find the point again.
        if (await page.Locator("#popup").IsVisibleAsync())
            await page.ClickAsync("#popup-close");
        await Task.Delay(500);
        pixel = await page.EvaluateAsync<double[]>($"() => platformMap.pixelOf({Js(lon)}, {Js(lat)})");
        (x, y) = (box.X + (float)pixel[0], box.Y + (float)pixel[1]);
        await page.Mouse.MoveAsync(x - 5, y, new MouseMoveOptions { Steps = 3 });
        await page.Mouse.MoveAsync(x, y, new MouseMoveOptions { Steps = 3 });
        await Task.Delay(100);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x + 30, y, new MouseMoveOptions { Steps = 5 });
        await page.Mouse.MoveAsync(x + 60, y, new MouseMoveOptions { Steps = 5 });
        await page.Mouse.UpAsync();
        await page.WaitForFunctionAsync("() => platformMap.facilityEditor().moved", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        await page.ClickAsync("#facility-save");
        await page.WaitForFunctionAsync("() => document.querySelector('#facility-message').textContent.includes('已保存')", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        var saved = await admin.GetFromJsonAsync<JsonElement>($"/api/facilities/{id}");
        Assert.Equal($"浏览器托育园{suffix}", saved.GetProperty("name").GetString());
        Assert.Equal("nursery", saved.GetProperty("category").GetString());
        Assert.True(saved.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble() > lon + 0.0001, saved.GetProperty("geometry").GetRawText());
        Assert.Equal(3, saved.GetProperty("version").GetInt64());
        await page.WaitForFunctionAsync("() => document.querySelector('#facility-history').textContent.includes('移动位置')", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "facility-saved.png") });
        Assert.Empty(errors);
    }
}
