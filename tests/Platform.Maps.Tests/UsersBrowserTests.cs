using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Platform.Maps.Tests.Support;

namespace Platform.Maps.Tests;

/// <summary>The users page (<c>/users.html</c>) in headless Chromium: an administrator adds a worker scoped to 保水社区, disables them, and reads it in the audit log.</summary>
[Collection(MapsHostCollection.Name)]
public sealed class UsersBrowserTests(MapsHost host) : ChromiumTest
{
    [Fact]
    public async Task AnAdministrator_AddsAWorker_DisablesThem_AndSeesBothInTheAuditLog()
    {
        var name = "bs" + Guid.NewGuid().ToString("N")[..6];
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.Address.ToString() });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync("调离岗位");
        await page.GotoAsync("/users.html");
        await page.FillAsync("#login-user", "admin");
        await page.FillAsync("#login-password", "demo");
        await page.ClickAsync("#login-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === 'true'", null, new PageWaitForFunctionOptions { Timeout = 30_000 });

        // A worker without a community is refused next to the form, in Chinese; with 保水社区 it is added.
        await page.FillAsync("#u-name", name);
        await page.FillAsync("#u-display", "保水社区工作者");
        await page.FillAsync("#u-password", "page-pass-1");
        await page.ClickAsync("#user-form button[type=submit]");
        await page.Locator("#user-status.error").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        Assert.Contains("须指定所属社区", await page.Locator("#user-status").TextContentAsync());
        await page.SelectOptionAsync("#u-community", new SelectOptionValue { Label = "保水社区" });
        await page.ClickAsync("#user-form button[type=submit]");
        var row = page.Locator($"tr[data-user={name}]");
        await row.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        Assert.Contains("保水社区", await row.TextContentAsync());
        Assert.Contains("社区工作者", await row.TextContentAsync());

        await row.Locator("button.disable").ClickAsync();
        await page.WaitForFunctionAsync($"() => document.querySelector('tr[data-user={name}]')?.textContent.includes('已停用')", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#audit tbody tr')].some(r => r.textContent.includes('platform.user_disabled') && r.textContent.includes('调离岗位'))",
            null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "users.png"), FullPage = true });

        using var client = host.Process.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { username = name, password = "page-pass-1" });
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, login.StatusCode);
        Assert.Contains("已停用", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detailZh").GetString());
        Assert.Empty(errors);
    }
}
