using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Platform.Host.Identity;
using Platform.Testing;

namespace Platform.Host.Tests.Security;

/// <summary>Sign-in under attack: throttled per address and per user, never a lock an outsider can turn on the owner; tokens that expire, refresh and are revoked; cookie flags, CSRF and headers.</summary>
[Collection(SecurityCollection.Name)]
public sealed class SignInTests(PlatformFixture fixture)
{
    private static int _address = 10;

    /// <summary>A client whose requests come from an address of its own (TestServer sets the connection's remote address).</summary>
    private HttpClient FromNewAddress()
    {
        var address = IPAddress.Parse($"203.0.113.{Interlocked.Increment(ref _address)}");
        return new HttpClient(fixture.Factory.Server.CreateHandler(c => c.Connection.RemoteIpAddress = address)) { BaseAddress = fixture.Factory.Server.BaseAddress };
    }

    private async Task<string> NewUserAsync(string password = "right-password-1")
    {
        var name = "sec-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Factory.Service<UserDirectory>().CreateAsync(name, "测试", password, ["planner"], null, "test");
        return name;
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string user, string password) =>
        client.PostAsJsonAsync("/api/auth/login", new { username = user, password });

    [Fact]
    public async Task FiftyParallelGuesses_CannotSlipPastTheCount_AndLockOnlyTheGuessersAddress()
    {
        var name = await NewUserAsync();
        using var attacker = FromNewAddress();
        var statuses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => LoginAsync(attacker, name, "wrong")));
        Assert.True(statuses.Count(s => s.StatusCode == HttpStatusCode.Unauthorized) <= 4, string.Join(",", statuses.Select(s => (int)s.StatusCode)));
        Assert.All(statuses, s => Assert.Contains((int)s.StatusCode, new[] { 401, 423, 429 }));
        // The right password from the guessing address is refused too …
        Assert.NotEqual(HttpStatusCode.OK, (await LoginAsync(attacker, name, "right-password-1")).StatusCode);
        // … but the user, from their own address, still signs in: an outsider cannot lock them out.
        using var owner = FromNewAddress();
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(owner, name, "right-password-1")).StatusCode);
    }

    [Fact]
    public async Task OneAddress_IsRateLimited_WithRetryAfter()
    {
        using var client = FromNewAddress();
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < LockoutPolicy.PerAddressPerMinute + 5; i++)
            answers.Add(await client.PostAsJsonAsync("/api/auth/login", new { username = "nobody-" + i, password = "x" }));
        var limited = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.True(limited.Count >= 5, $"{limited.Count} × 429");
        Assert.NotNull(limited[0].Headers.RetryAfter);
        await limited[0].ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate");
    }

    [Fact]
    public async Task Logout_RevokesTheTokenAndTheCookie_AndRefreshWorksOnlyUntilThen()
    {
        var name = await NewUserAsync();
        using var client = FromNewAddress();
        var login = await (await LoginAsync(client, name, "right-password-1")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3600, login.GetProperty("expiresIn").GetInt32());
        var token = login.GetProperty("accessToken").GetString();
        var refresh = login.GetProperty("refreshToken").GetString();
        using var bearer = FromNewAddress();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/auth/me")).StatusCode);

        var refreshed = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = refresh });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var second = (await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        Assert.NotEqual(token, second);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "not-a-token" })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await bearer.PostAsync("/api/auth/logout", null)).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // the stamp cache's lifetime
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/auth/me")).StatusCode);
        using var other = FromNewAddress();
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", second);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = refresh })).StatusCode);
    }

    [Fact]
    public async Task PasswordChange_RevokesEarlierSignIns_AndTheNewPasswordWorks()
    {
        var name = await NewUserAsync();
        using var client = FromNewAddress();
        var token = (await (await LoginAsync(client, name, "right-password-1")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await (await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = "right-password-1", newPassword = "short" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "newPassword");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = "right-password-1", newPassword = "a-new-password-2" })).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
        using var fresh = FromNewAddress();
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(fresh, name, "right-password-1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(fresh, name, "a-new-password-2")).StatusCode);
    }

    [Fact]
    public async Task Cookies_AreHttpOnlyAndStrict_AndCookieWritesNeedTheCsrfHeader()
    {
        using var raw = FromNewAddress();
        var login = await LoginAsync(raw, "admin", Auth.DemoPassword);
        var cookies = login.Headers.GetValues("Set-Cookie").ToList();
        var auth = cookies.Single(c => c.StartsWith("platform.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", auth, StringComparison.OrdinalIgnoreCase);
        var csrf = cookies.Single(c => c.StartsWith("platform.csrf=", StringComparison.Ordinal));
        Assert.DoesNotContain("httponly", csrf, StringComparison.OrdinalIgnoreCase);
        var token = csrf["platform.csrf=".Length..csrf.IndexOf(';', StringComparison.Ordinal)];

        // A write carrying only the cookie (what a forged cross-site form would send) is refused …
        var forged = new HttpRequestMessage(HttpMethod.Post, "/api/sites") { Content = JsonContent.Create(new { }) };
        forged.Headers.Add("Cookie", $"{auth.Split(';')[0]}; platform.csrf={token}");
        await (await raw.SendAsync(forged)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "csrf");
        // … and with the header the page sends it reaches the endpoint (which names the missing field).
        var page = new HttpRequestMessage(HttpMethod.Post, "/api/sites") { Content = JsonContent.Create(new { }) };
        page.Headers.Add("Cookie", $"{auth.Split(';')[0]}; platform.csrf={token}");
        page.Headers.Add("X-Platform-Csrf", token);
        await (await raw.SendAsync(page)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "name");
    }

    [Fact]
    public async Task Responses_CarryTheSecurityHeaders_AndSitingNeedsASignIn()
    {
        using var anonymous = fixture.Factory.CreateClient();
        foreach (var url in new[] { "/", "/api/sites", "/api/auth/me" })
        {
            var response = await anonymous.GetAsync(url);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("worker-src 'self' blob:", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }
        var siting = await anonymous.PostAsJsonAsync("/api/scenes/service/siting", new { category = "kindergarten", k = 1, fromSites = true });
        Assert.Equal(HttpStatusCode.Unauthorized, siting.StatusCode);
    }
}
