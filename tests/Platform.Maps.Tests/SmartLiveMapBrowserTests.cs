using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Platform.Maps.Tests.Support;

namespace Platform.Maps.Tests;

/// <summary>
/// The command centre (<c>/command.html</c>) in headless Chromium: a reading published with Debian's mosquitto_pub over
/// MQTT turns the device's colour on the live map (pushed over server-sent events) within a second.
/// </summary>
[Collection(MapsHostCollection.Name)]
public sealed class SmartLiveMapBrowserTests(MapsHost host) : ChromiumTest
{
    [Fact]
    public async Task A_published_reading_changes_the_devices_colour_on_the_live_map_within_a_second()
    {
        using var client = host.Process.CreateClient();
        var login = await (await client.PostAsJsonAsync("/api/auth/login", new { username = "admin", password = "demo" })).Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
        var profile = await client.PostAsJsonAsync("/api/scenes/smart/profiles", new
        {
            name = "浏览器测试测温", offlineAfterSeconds = 600,
            rules = new[] { new { id = "fever", name = "体温异常", kind = "threshold", key = "temperature", @operator = "gt", threshold = 37.3, durationSeconds = 0, repeatCount = 0, severity = "major" } },
        });
        Assert.True(profile.IsSuccessStatusCode, await profile.Content.ReadAsStringAsync());
        var created = await client.PostAsJsonAsync("/api/scenes/smart/devices", new
        {
            kind = "temperature_check", name = "浏览器测试测温终端", compound = "人才公寓", lon = 104.0552, lat = 30.4148,
            profileId = (await profile.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString(),
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var device = await created.Content.ReadFromJsonAsync<JsonElement>();
        var (id, token) = (device.GetProperty("id").GetString()!, device.GetProperty("accessToken").GetString()!);

        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.Address.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync("/command.html");
        await page.FillAsync("#login-user", "admin");
        await page.FillAsync("#login-password", "demo");
        await page.Locator("#login-form button[type=submit]").ClickAsync();
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === 'true'", null, new PageWaitForFunctionOptions { Timeout = 20_000 });
        var item = page.Locator($"#devices li[data-device-id='{id}']");
        Assert.Equal("#2e7d32", await item.GetAttributeAsync("data-color"));

        var watch = Stopwatch.StartNew();
        var publish = new ProcessStartInfo("mosquitto_pub") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-i", "browser-test", "-h", "127.0.0.1", "-p", host.Process.MqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "-u", token, "-q", "1", "-t", "v1/devices/me/telemetry", "-m", """{"temperature":39.4}""" })
            publish.ArgumentList.Add(a);
        using (var process = Process.Start(publish)!)
        {
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
        }
        await page.WaitForFunctionAsync($"() => document.querySelector(\"#devices li[data-device-id='{id}']\")?.dataset.color === '#e65100'", null,
            new PageWaitForFunctionOptions { Timeout = 10_000, PollingInterval = 20 });
        var elapsed = watch.Elapsed;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "smart-command-centre.png") });
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"the colour changed {elapsed.TotalMilliseconds:0} ms after the publish");
        await page.Locator("#alarms li", new PageLocatorOptions { HasTextString = "浏览器测试测温终端" }).WaitForAsync(new LocatorWaitForOptions { Timeout = 5_000 });
        Assert.Empty(errors);
    }
}
