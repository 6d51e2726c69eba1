using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Host.Tests.Identity;

public sealed class AuthTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task Login_WithTheDemoPassword_GivesABearerTokenThatIdentifiesTheWorkerAndTheirCommunity()
    {
        var client = await fixture.Factory.ClientForAsync("worker");

        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me");

        Assert.Equal("worker", me.GetProperty("username").GetString());
        Assert.Equal(["worker"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("XL-XLH", me.GetProperty("community").GetString());
    }

    [Fact]
    public async Task Login_SetsACookieThatTheWebPageCanUse()
    {
        var client = fixture.Factory.CreateClient(new() { HandleCookies = true });
        (await client.PostAsJsonAsync("/api/auth/login", new { username = "planner", password = "demo" })).EnsureSuccessStatusCode();

        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me");

        Assert.Equal("planner", me.GetProperty("username").GetString());
    }

    [Fact]
    public async Task Me_Anonymous_Is401Problem()
    {
        var response = await fixture.Factory.CreateClient().GetAsync("/api/auth/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Login_WithAWrongPassword_Is401_AndFiveInARowLockTheAccount()
    {
        var client = fixture.Factory.CreateClient();
        var users = (Platform.Host.Identity.UserDirectory)fixture.Factory.Services.GetService(typeof(Platform.Host.Identity.UserDirectory))!;
        var name = "lock-" + Guid.NewGuid().ToString("N")[..8];
        await users.CreateAsync(name, "测试", "right-password", ["planner"], null, "test");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await client.PostAsJsonAsync("/api/auth/login", new { username = name, password = "wrong" })).StatusCode);
        var withRightPassword = await client.PostAsJsonAsync("/api/auth/login", new { username = name, password = "right-password" });

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), (HttpStatusCode)423], statuses);
        Assert.Equal((HttpStatusCode)423, withRightPassword.StatusCode);
        Assert.True(withRightPassword.Headers.RetryAfter is not null);
    }

    [Theory]
    [InlineData("{}", "username")]
    [InlineData("{\"username\":\"admin\"}", "password")]
    [InlineData("not json", "body")]
    public async Task Login_WithAMissingField_Is400NamingIt(string json, string field)
    {
        var response = await fixture.Factory.CreateClient().PostAsync("/api/auth/login",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }
}
