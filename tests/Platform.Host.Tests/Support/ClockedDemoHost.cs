using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;

namespace Platform.Host.Tests.Support;

/// <summary>A clock the tests set (deadlines, notice periods, purges); unset, it is the system's.</summary>
public sealed class SettableClock : TimeProvider
{
    public DateTimeOffset? Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now ?? System.GetUtcNow();
}

/// <summary>
/// One host on a copy of the demo database for a whole test collection, with the clock replaced by <see cref="SettableClock"/>,
/// and one signed-in client per demo user.
/// </summary>
public abstract class ClockedDemoHost(string name) : IAsyncLifetime
{
    private PlatformFactory? _base;
    private WebApplicationFactory<Program>? _factory;
    private readonly Dictionary<string, HttpClient> _clients = [];
    private readonly SemaphoreSlim _gate = new(1);

    public SettableClock Clock { get; } = new();

    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("Host not started.");

    public async Task InitializeAsync()
    {
        _base = await PlatformFactory.StartWithDemoAsync(name);
        _factory = _base.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock)));
        _ = _factory.Services;
    }

    /// <summary>A client signed in as the demo user (password "demo"), shared by the collection's tests.</summary>
    public async Task<HttpClient> As(string user)
    {
        await _gate.WaitAsync();
        try
        {
            if (_clients.TryGetValue(user, out var existing))
                return existing;
            var client = Factory.CreateClient();
            var response = await client.PostAsJsonAsync("/api/auth/login", new { username = user, password = Auth.DemoPassword });
            response.EnsureSuccessStatusCode();
            var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return _clients[user] = client;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var c in _clients.Values)
            c.Dispose();
        if (_factory is not null)
            await _factory.DisposeAsync();
        if (_base is not null)
            await _base.DisposeAsync();
    }
}

/// <summary>Reading answers: the status expected (the body in the failure message), and problem+json naming a field in both languages.</summary>
public static class Answers
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected, string field)
    {
        var body = await response.JsonAsync(expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(field, body.GetProperty("field").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("detailZh").GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("detail").GetString()));
        return body;
    }
}
