using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;

namespace Platform.Host.Tests.Campaigns;

/// <summary>A clock the campaign tests set (deadlines, the entry purge); unset, it is the system's.</summary>
public sealed class CampaignClock : TimeProvider
{
    public DateTimeOffset? Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now ?? System.GetUtcNow();
}

/// <summary>One host on a copy of the demo database for every campaigns test, with the clock replaced by <see cref="CampaignClock"/>.</summary>
public sealed class CampaignsHost : IAsyncLifetime
{
    private PlatformFactory? _base;
    private WebApplicationFactory<Program>? _factory;
    private readonly Dictionary<string, HttpClient> _clients = [];
    private readonly SemaphoreSlim _gate = new(1);

    public CampaignClock Clock { get; } = new();

    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("Host not started.");

    public async Task InitializeAsync()
    {
        _base = await PlatformFactory.StartWithDemoAsync("campaigns");
        _factory = _base.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock)));
        _ = _factory.Services;
    }

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

[CollectionDefinition(Name)]
public sealed class CampaignsCollection : ICollectionFixture<CampaignsHost>
{
    public const string Name = "campaigns host";
}

public static class CampaignsHttp
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
