using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Host.Identity;
using Platform.Testing;

namespace Platform.Plugins.Ecological.Tests;

/// <summary>
/// A host without demo data with the users the tests sign in as: admin, planner, a worker of 兴隆湖社区 and two residents.
/// Shared by the test classes of the <see cref="EcoCollection"/>: each test lays out gardens of its own.
/// </summary>
public sealed class EcoHost : IAsyncLifetime
{
    public const string Scene = "/api/scenes/ecological";

    private PlatformFactory? _factory;
    private readonly Dictionary<string, HttpClient> _clients = [];

    public PlatformFactory Factory => _factory ?? throw new InvalidOperationException("Host not started.");

    public async Task InitializeAsync()
    {
        _factory = await PlatformFactory.StartAsync("eco", settings: new Dictionary<string, string> { ["Platform:Demo"] = "false" });
        var users = _factory.Service<UserDirectory>();
        await users.CreateAsync("admin", "管理员", Auth.DemoPassword, ["administrator"], null, "test");
        await users.CreateAsync("planner", "规划", Auth.DemoPassword, ["planner"], null, "test");
        await users.CreateAsync("worker", "兴隆湖社区工作者", Auth.DemoPassword, ["worker"], "XL-XLH", "test");
        await users.CreateAsync("resident", "居民", Auth.DemoPassword, ["resident"], null, "test");
        await users.CreateAsync("neighbour", "邻居", Auth.DemoPassword, ["resident"], null, "test");
    }

    public async Task<HttpClient> As(string user)
    {
        if (!_clients.TryGetValue(user, out var client))
            _clients[user] = client = await Factory.ClientForAsync(user);
        return client;
    }

    public async Task DisposeAsync()
    {
        foreach (var c in _clients.Values)
            c.Dispose();
        if (_factory is not null)
            await _factory.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class EcoCollection : ICollectionFixture<EcoHost>
{
    public const string Name = "ecological host";
}

/// <summary>Requests the tests repeat.</summary>
public static class Eco
{
    /// <summary>A GeoJSON polygon from a closed or open ring of lon/lat pairs.</summary>
    public static object Polygon(params (double Lon, double Lat)[] ring) => new
    {
        type = "Polygon",
        coordinates = new[] { ring.Append(ring[0]).Select(p => new[] { p.Lon, p.Lat }).ToArray() },
    };

    public static async Task<JsonElement> CreatedAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"expected 201, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public static async Task<JsonElement> OkAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }

    public static async Task<Guid> RegisterAsync(this HttpClient client, string householder, string compound = "鹿溪苑", string contact = "138-0000-0000")
    {
        var body = await (await client.PostAsJsonAsync(EcoHost.Scene + "/registrations", new { householder, compound, contact })).CreatedAsync();
        return body.GetProperty("householdId").GetGuid();
    }

    /// <summary>Lays out a grid garden; answers the garden as created.</summary>
    public static async Task<JsonElement> GardenAsync(this HttpClient client, object geometry, double target, double path, string kind = "edible", object? seasons = null) =>
        await (await client.PostAsJsonAsync(EcoHost.Scene + "/gardens", new
        {
            name = "测试园地",
            kind,
            geometry,
            targetPlotSquareMetres = target,
            pathWidthMetres = path,
            seasons = seasons ?? new[] { new { season = "2026", startsOn = "2026-01-01", endsOn = "2026-12-31" } },
        })).CreatedAsync();

    public static async Task<List<JsonElement>> PlotsAsync(this HttpClient client, Guid gardenId, string? season = null)
    {
        var body = await (await client.GetAsync($"{EcoHost.Scene}/gardens/{gardenId}/plots" + (season is null ? "" : $"?season={season}"))).OkAsync();
        return body.GetProperty("features").EnumerateArray().ToList();
    }
}
