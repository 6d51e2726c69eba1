using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Platform.Maps.Tests.Support;

namespace Platform.Maps.Tests;

/// <summary>
/// The vitality scene's pages in headless Chromium: a resident signs up on the activity page (<c>/activities.html</c>) on a
/// phone-sized viewport; a worker sets a venue's week of opening hours on the calendar page (<c>/calendar.html</c>).
/// </summary>
[Collection(MapsHostCollection.Name)]
public sealed class VitalityBrowserTests(MapsHost host) : ChromiumTest
{
    private const string Scene = "/api/scenes/vitality";

    private async Task<HttpClient> ClientAsync(string user)
    {
        var client = host.Process.CreateClient();
        var login = await (await client.PostAsJsonAsync("/api/auth/login", new { username = user, password = "demo" })).Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
        return client;
    }

    [Fact]
    public async Task A_resident_signs_up_for_an_activity_on_a_phone()
    {
        using var admin = await ClientAsync("admin");
        var title = $"亲子共读·浏览器测试{Guid.NewGuid():N}"[..16];
        var venue = await admin.PostAsJsonAsync($"{Scene}/venues", new
        {
            name = title + "场地", kind = "ground_floor", lon = 104.0548, lat = 30.4152, capacity = 20, opens = "08:00", closes = "21:00", maxBookingMinutes = 120,
        });
        Assert.True(venue.IsSuccessStatusCode, await venue.Content.ReadAsStringAsync());
        var venueId = (await venue.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var day = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Date.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var booked = await admin.PostAsJsonAsync($"{Scene}/venues/{venueId}/bookings", new { start = $"{day}T10:00:00+08:00", end = $"{day}T11:00:00+08:00", purpose = title });
        Assert.True(booked.IsSuccessStatusCode, await booked.Content.ReadAsStringAsync());
        var bookingId = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("bookingIds")[0].GetString();
        var scheduled = await admin.PostAsJsonAsync($"{Scene}/activities/scheduled", new { title, series = "family_reading", venueId, bookingId, capacity = 10 });
        Assert.True(scheduled.IsSuccessStatusCode, await scheduled.Content.ReadAsStringAsync());
        var activityId = (await scheduled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.Address.ToString(), ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync("/activities.html");
        var card = page.Locator($".activity[data-id='{activityId}']");
        await card.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        Assert.Contains("亲子共读", await card.TextContentAsync());

        // Not signed in: signing up asks to sign in first.
        await card.Locator("button.sign-up").TapAsync();
        await page.Locator("#signin:not([hidden])").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        await page.FillAsync("#login-user", "resident");
        await page.FillAsync("#login-password", "demo");
        await page.Locator("#login-form button[type=submit]").TapAsync();
        await page.Locator("#mine:not([hidden])").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });

        await page.Locator($".activity[data-id='{activityId}'] button.sign-up").TapAsync();
        await page.Locator($".activity[data-id='{activityId}'] .my-status").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        Assert.Equal("已报名", await page.Locator($".activity[data-id='{activityId}'] .my-status").TextContentAsync());
        Assert.Contains(title, await page.Locator("#my-list").TextContentAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "vitality-signed-up.png"), FullPage = true });
        // The page fits the phone: nothing wider than the viewport.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"));

        using var resident = await ClientAsync("resident");
        var mine = (await resident.GetFromJsonAsync<JsonElement>($"{Scene}/activities/mine")).EnumerateArray().Single(m => m.GetProperty("activityId").GetString() == activityId);
        Assert.Equal("confirmed", mine.GetProperty("status").GetString());
        var list = await admin.GetFromJsonAsync<JsonElement>($"{Scene}/activities/{activityId}/signups");
        Assert.Equal(["resident"], list.GetProperty("confirmed").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(errors);
        await context.DisposeAsync();
    }

    [Fact]
    public async Task A_worker_closes_a_venue_on_sunday_and_narrows_saturday_in_the_calendar_page()
    {
        using var worker = await ClientAsync("worker");
        var name = $"开放时间页面测试{Guid.NewGuid():N}"[..14];
        var created = await worker.PostAsJsonAsync($"{Scene}/venues", new
        {
            name, kind = "ground_floor", lon = 104.0548, lat = 30.4152, capacity = 20, opens = "08:00", closes = "21:00", maxBookingMinutes = 120,
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var venueId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.Address.ToString(), Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync("/calendar.html");
        await page.Locator("#signin:not([hidden])").WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        await page.FillAsync("#login-user", "worker");
        await page.FillAsync("#login-password", "demo");
        await page.ClickAsync("#login-form button[type=submit]");
        await page.Locator("#settings:not([hidden])").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        await page.SelectOptionAsync("#book-venue", venueId!);
        Assert.Contains("每天 08:00–21:00", await page.Locator("#venue-card").TextContentAsync());

        await page.UncheckAsync("[data-day='7']");
        await page.FillAsync("[data-opens='6']", "09:00");
        await page.FillAsync("[data-closes='6']", "12:00");
        await page.ClickAsync("#hours-form button[type=submit]");
        await page.Locator("#status:text('开放时间已保存')").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        await page.Locator("#venue-card .hours-text:text('周六 09:00–12:00')").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });

        var venue = (await worker.GetFromJsonAsync<JsonElement>($"{Scene}/venues/{venueId}")).GetProperty("venue");
        Assert.Equal("周一至周五 08:00–21:00；周六 09:00–12:00", venue.GetProperty("openingHoursZh").GetString());
        Assert.Equal("[[1,2,3,4,5],[6]]", "[" + string.Join(",", venue.GetProperty("week").EnumerateArray().Select(w => w.GetProperty("days").GetRawText().Replace(" ", ""))) + "]");
        // Switched to English, the card shows the hours the API gives in English, at once.
        await page.ClickAsync("#lang");
        await page.Locator($"#venue-card .hours-text:text('{venue.GetProperty("openingHours").GetString()}')").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        Assert.DoesNotContain("周六", await page.Locator("#venue-card .hours-text").TextContentAsync());
        Assert.Empty(errors);
        await context.DisposeAsync();
    }
}
