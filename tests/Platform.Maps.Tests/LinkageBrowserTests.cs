using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Platform.Maps.Tests.Support;

namespace Platform.Maps.Tests;

/// <summary>The linkage page (<c>/linkage.html</c>) in headless Chromium: a community worker registers a fund project and moves it through two stages.</summary>
[Collection(MapsHostCollection.Name)]
public sealed class LinkageBrowserTests(MapsHost host) : ChromiumTest
{
    [Fact]
    public async Task AWorker_RegistersAProject_UploadsTheDocuments_AndMovesItThroughTwoStages_SeeingTheRuleWhenItBlocks()
    {
        using var client = host.Process.CreateClient();
        var login = await (await client.PostAsJsonAsync("/api/auth/login", new { username = "worker", password = "demo" })).Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
        var title = $"浏览器阶段测试{Guid.NewGuid():N}"[..15];
        async Task<int> CountAsync() => (await client.GetFromJsonAsync<JsonElement>($"/api/linkage/projects?q={Uri.EscapeDataString(title)}")).GetArrayLength();

        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.Address.ToString(), ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync("/linkage.html?year=2026");
        await page.FillAsync("#login-user", "worker");
        await page.FillAsync("#login-password", "demo");
        await page.Locator("#login button[type=submit]").ClickAsync();
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === 'true'", null, new PageWaitForFunctionOptions { Timeout = 15_000 });

        // Registration in the page: a fifth decimal of 万元, then another community, are refused next to their fields; nothing is written.
        await page.Locator("#new-project summary").ClickAsync();
        await page.FillAsync("#new-project-form [name=title]", title);
        await page.SelectOptionAsync("#new-project-form [name=category]", "和谐邻里");
        Assert.Equal("XL-XLH", await page.InputValueAsync("#new-project-form [name=communityCode]"));
        await page.FillAsync("#new-project-form [name=amountWan]", "8.12345");
        await page.Locator("#new-project-form button[type=submit]").ClickAsync();
        await page.Locator("[data-for=amountWan]:not(:empty)").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        Assert.Contains("四位小数", await page.Locator("[data-for=amountWan]").TextContentAsync());
        await page.FillAsync("#new-project-form [name=amountWan]", "8.5");
        var other = await page.EvalOnSelectorAsync<string>("#new-project-form [name=communityCode]", "s => [...s.options].map(o => o.value).find(v => v !== 'XL-XLH')");
        await page.SelectOptionAsync("#new-project-form [name=communityCode]", other);
        await page.Locator("#new-project-form button[type=submit]").ClickAsync();
        await page.Locator("[data-for=communityCode]:not(:empty)").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        Assert.Equal("", await page.Locator("[data-for=amountWan]").TextContentAsync());
        Assert.Equal(0, await CountAsync());
        await page.SelectOptionAsync("#new-project-form [name=communityCode]", "XL-XLH");
        await page.Locator("#new-project-form button[type=submit]").ClickAsync();
        await page.Locator("#new-project-form[data-created]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 10_000 });
        var id = await page.GetAttributeAsync("#new-project-form", "data-created");
        Assert.Equal(1, await CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "linkage-0-registered.png") });

        await page.Locator(".project", new PageLocatorOptions { HasTextString = title }).ClickAsync();
        await page.Locator("#current-stage[data-stage=none]").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });

        // Entering 宣传动员 without its document: the refusal names it, beside the stage's rule.
        await page.Locator("#enter-stage").ClickAsync();
        await page.Locator("#stage-problem .problem").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        Assert.Contains("宣传动员材料", await page.Locator("#stage-problem").TextContentAsync());
        Assert.Contains("须上传宣传动员材料", await page.Locator("#stage-rule").TextContentAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "linkage-1-blocked.png") });

        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n");
        await page.Locator("#upload-publicity").SetInputFilesAsync(new FilePayload { Name = "宣传动员.pdf", MimeType = "application/pdf", Buffer = pdf });
        await page.Locator("[data-kind=publicity][data-uploaded=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        await page.Locator("#enter-stage").ClickAsync();
        await page.Locator("#current-stage[data-stage=mobilisation]").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });

        // A text file named .pdf is refused by its content.
        await page.Locator("#upload-needs_survey").SetInputFilesAsync(new FilePayload { Name = "需求.pdf", MimeType = "application/pdf", Buffer = Encoding.UTF8.GetBytes("只是文字") });
        await page.Locator("#stage-problem .problem").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        Assert.Contains("PDF", await page.Locator("#stage-problem").TextContentAsync());
        await page.Locator("#upload-needs_survey").SetInputFilesAsync(new FilePayload { Name = "需求征集表.pdf", MimeType = "application/pdf", Buffer = pdf });
        await page.Locator("[data-kind=needs_survey][data-uploaded=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        await page.Locator("#enter-stage").ClickAsync();
        await page.Locator("#current-stage[data-stage=needs]").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "linkage-2-needs.png") });

        var project = await client.GetFromJsonAsync<JsonElement>($"/api/linkage/projects/{id}");
        Assert.Equal("needs", project.GetProperty("stage").GetString());
        Assert.Equal((title, 2026, "guarantee", "和谐邻里", 8.5m, "XL-XLH"), (project.GetProperty("title").GetString(), project.GetProperty("year").GetInt32(),
            project.GetProperty("fundType").GetString(), project.GetProperty("category").GetString(), project.GetProperty("amountWan").GetDecimal(), project.GetProperty("communityCode").GetString()));
        Assert.Equal(new[] { "publicity", "needs_survey" }, project.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("kind").GetString()!).ToList());
        Assert.Empty(errors);
        await context.DisposeAsync();
    }
}
