using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;

namespace Platform.Plugins.Ecological.Tests;

/// <summary>
/// On the demo (蓝家菜园, 蓝家绿地, sixteen households): every public GET of the plugin, the layer list and the map
/// surfaces answer anonymous callers without any householder or contact; writes need the right role.
/// </summary>
public sealed class PrivacyAndRoleTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private const string Scene = EcoHost.Scene;

    [Fact]
    public async Task Demo_IsLoaded_WithGardensInLanjiadianAndClaims()
    {
        using var anonymous = fixture.Factory.CreateClient();
        var gardens = (await (await anonymous.GetAsync(Scene + "/gardens")).OkAsync()).EnumerateArray().ToList();
        Assert.Equal(["蓝家绿地", "蓝家菜园"], gardens.Select(g => g.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.All(gardens, g => Assert.Equal("XL-LJD", g.GetProperty("community").GetProperty("code").GetString()));
        var stats = await (await anonymous.GetAsync(Scene + "/statistics")).OkAsync();
        // 8 first-come claims and 3 lottery winners in 菜园, one released again; 3 claims in 绿地.
        Assert.Equal(13, stats.GetProperty("totals").GetProperty("households").GetInt32());
        Assert.True(stats.GetProperty("totals").GetProperty("registeredHouseholds").GetInt32() >= 16);
        var community = Assert.Single(stats.GetProperty("communities").EnumerateArray().ToList());
        Assert.Equal("XL-LJD", community.GetProperty("code").GetString());
        Assert.Equal(3, community.GetProperty("byCompound").GetArrayLength());
    }

    [Fact]
    public async Task AnonymousResponses_OfEveryPublicEndpoint_CarryNoContactOrHouseholder()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var registrations = (await (await admin.GetAsync(Scene + "/registrations")).OkAsync()).EnumerateArray().ToList();
        Assert.True(registrations.Count >= 16);
        var secrets = registrations.SelectMany(r => new[] { r.GetProperty("contact").GetString()!, r.GetProperty("householder").GetString()! }).ToList();

        using var anonymous = fixture.Factory.CreateClient();
        var gardens = (await (await anonymous.GetAsync(Scene + "/gardens")).OkAsync()).EnumerateArray().ToList();
        var urls = new List<string> { Scene + "/gardens", Scene + "/statistics", Scene + "/statistics?season=" + DateTime.Today.Year, "/api/layers" };
        var covered = new HashSet<string> { "/gardens", "/statistics" };
        foreach (var g in gardens)
        {
            var id = g.GetProperty("id").GetGuid();
            urls.AddRange([$"{Scene}/gardens/{id}", $"{Scene}/gardens/{id}/plots", $"{Scene}/gardens/{id}/waiting-list", $"{Scene}/gardens/{id}/lottery-rounds"]);
            foreach (var p in await PlotIdsAsync(anonymous, id))
                urls.Add($"{Scene}/plots/{p}");
            foreach (var round in (await (await anonymous.GetAsync($"{Scene}/gardens/{id}/lottery-rounds")).OkAsync()).EnumerateArray())
            {
                var roundId = round.GetProperty("roundId").GetGuid();
                urls.AddRange([$"{Scene}/gardens/{id}/lottery-rounds/{roundId}", $"{Scene}/gardens/{id}/lottery-rounds/{roundId}/replay"]);
            }
        }
        covered.UnionWith(["/gardens/{gardenId:guid}", "/gardens/{gardenId:guid}/plots", "/gardens/{gardenId:guid}/waiting-list",
            "/gardens/{gardenId:guid}/lottery-rounds", "/plots/{plotId:guid}", "/gardens/{gardenId:guid}/lottery-rounds/{roundId:guid}",
            "/gardens/{gardenId:guid}/lottery-rounds/{roundId:guid}/replay"]);
        Assert.Contains(urls, u => u.EndsWith("/replay", StringComparison.Ordinal));

        // Every anonymous GET route the plugin maps must be in the list above: a new one fails here until it is checked.
        var publicRoutes = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(Scene, StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null && e.Metadata.GetMetadata<AuthorizationPolicy>() is null)
            .Select(e => e.RoutePattern.RawText![Scene.Length..]).ToList();
        Assert.NotEmpty(publicRoutes);
        Assert.All(publicRoutes, r => Assert.Contains(r, covered));

        // Map surfaces, where the host serves them: the plots layer as OGC features and as a vector tile over 蓝家菜园.
        var (x, y) = TileOf(104.0597, 30.3697, 16);
        urls.AddRange(["/ogc/collections/ecological-plots/items?limit=1000", "/ogc/collections/ecological-plots",
            $"/tiles/ecological-plots/16/{x}/{y}.mvt", "/api/maps/statistics?layer=ecological-plots"]);

        var answered = 0;
        foreach (var url in urls)
        {
            var response = await anonymous.GetAsync(url);
            var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
            if (url.StartsWith(Scene, StringComparison.Ordinal) || url == "/api/layers")
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {text}");
            if (response.StatusCode == HttpStatusCode.OK)
                answered++;
            foreach (var secret in secrets)
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{url} shows '{secret}'");
            if (url.StartsWith(Scene, StringComparison.Ordinal))
            {
                Assert.DoesNotContain("contact", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("householder", text, StringComparison.OrdinalIgnoreCase);
            }
        }
        Assert.True(answered > 100, $"only {answered} answers were checked");

        // The same holds with personal-data-free layer output in process: the layer itself never carries them.
        var staff = (await (await admin.GetAsync(Scene + "/registrations")).OkAsync()).GetRawText();
        Assert.Contains(secrets[0], staff);
    }

    [Fact]
    public async Task Roles_AnonymousGet401_PlannerGets403OnWrites_WorkerOnlyInOwnCommunity()
    {
        using var anonymous = fixture.Factory.CreateClient();
        var planner = await fixture.Factory.ClientForAsync("planner");
        var worker = await fixture.Factory.ClientForAsync("worker");
        var resident = await fixture.Factory.ClientForAsync("resident");
        var admin = await fixture.Factory.ClientForAsync("admin");
        var gardens = (await (await anonymous.GetAsync(Scene + "/gardens")).OkAsync()).EnumerateArray().ToList();
        var gardenId = gardens.First(g => g.GetProperty("name").GetString() == "蓝家菜园").GetProperty("id").GetGuid();
        var plotId = (await PlotIdsAsync(anonymous, gardenId)).Last();
        var geometry = Eco.Polygon((104.0600, 30.3700), (104.0603, 30.3700), (104.0603, 30.3702), (104.0600, 30.3702));
        var garden = new { name = "角落菜园", kind = "edible", geometry, targetPlotSquareMetres = 20 };
        var registration = new { householder = "测试", compound = "鹿溪苑", contact = "139-1111-2222" };

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Scene + "/registrations")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{Scene}/gardens/{gardenId}/tenancies")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(Scene + "/gardens", garden)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(Scene + "/registrations", registration)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"{Scene}/plots/{plotId}/claims", new { householdId = Guid.NewGuid() })).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await planner.PostAsJsonAsync(Scene + "/gardens", garden)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await planner.PostAsJsonAsync(Scene + "/registrations", registration)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await planner.PostAsJsonAsync($"{Scene}/plots/{plotId}/claims", new { householdId = Guid.NewGuid() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await planner.PostAsJsonAsync($"{Scene}/gardens/{gardenId}/lottery-rounds", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await planner.GetAsync(Scene + "/registrations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync(Scene + "/registrations")).StatusCode);

        // The demo worker belongs to 兴隆湖社区; the gardens lie in 蓝家店社区.
        await (await worker.PostAsJsonAsync(Scene + "/gardens", garden)).ProblemAsync(HttpStatusCode.Forbidden, "geometry");
        await (await worker.PostAsJsonAsync($"{Scene}/gardens/{gardenId}/seasons", new { season = "2030", startsOn = "2030-03-01", endsOn = "2031-02-28" }))
            .ProblemAsync(HttpStatusCode.Forbidden, "gardenId");

        // A resident acts for the household they registered (the demo's one: one household per resident account), not for others.
        var mine = (await (await resident.GetAsync(Scene + "/registrations/mine")).OkAsync()).GetProperty("households")[0].GetProperty("householdId").GetGuid();
        await (await resident.PostAsJsonAsync(Scene + "/registrations", registration)).ProblemAsync(HttpStatusCode.Conflict, "householder");
        var theirs = await admin.RegisterAsync("别人家", "鹿溪苑", "139-4444-5555");
        // Next season's plots, so that this season's demo figures stay as the other tests expect them.
        var today = DateTime.Today;
        var next = ((today.Month >= 3 ? today.Year : today.Year - 1) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await (await resident.PostAsJsonAsync($"{Scene}/plots/{plotId}/claims", new { householdId = theirs, season = next })).ProblemAsync(HttpStatusCode.Forbidden, "householdId");
        await (await resident.PostAsJsonAsync($"{Scene}/plots/{plotId}/claims", new { householdId = mine, season = next })).CreatedAsync();
        var own = await (await resident.GetAsync(Scene + "/registrations/mine")).OkAsync();
        Assert.Contains(own.GetProperty("households").EnumerateArray(), h => h.GetProperty("householdId").GetGuid() == mine);
    }

    [Fact]
    public async Task BadInput_IsRefusedWithTheField_Never500()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var plotId = Guid.NewGuid();
        async Task<HttpResponseMessage> Post(string url, string json) =>
            await admin.PostAsync(Scene + url, new StringContent(json, Encoding.UTF8, "application/json"));

        await (await Post("/registrations", "{\"householder\": ")).ProblemAsync(HttpStatusCode.BadRequest, "householder");
        await (await Post("/registrations", "{\"householder\":\"x\",\"compound\":\"y\"}")).ProblemAsync(HttpStatusCode.BadRequest, "contact");
        await (await Post("/gardens", "{\"name\":\"x\",\"kind\":\"orchard\"}")).ProblemAsync(HttpStatusCode.BadRequest, "kind");
        await (await Post("/gardens", "{\"name\":\"x\",\"kind\":\"green\"}")).ProblemAsync(HttpStatusCode.BadRequest, "geometry");
        var bowtie = JsonSerializer.Serialize(new { name = "x", kind = "green", targetPlotSquareMetres = 10, geometry = Eco.Polygon((104.06, 30.37), (104.061, 30.371), (104.061, 30.37), (104.06, 30.371)) });
        await (await Post("/gardens", bowtie)).ProblemAsync(HttpStatusCode.BadRequest, "geometry");
        var noSize = JsonSerializer.Serialize(new { name = "x", kind = "green", geometry = Eco.Polygon((104.06, 30.37), (104.061, 30.37), (104.061, 30.371), (104.06, 30.371)) });
        await (await Post("/gardens", noSize)).ProblemAsync(HttpStatusCode.BadRequest, "targetPlotSquareMetres");
        await (await Post($"/plots/{plotId}/claims", "{\"householdId\":\"" + Guid.NewGuid() + "\"}")).ProblemAsync(HttpStatusCode.NotFound, "plotId");
        var gardenId = (await (await admin.GetAsync(Scene + "/gardens")).OkAsync()).EnumerateArray().First().GetProperty("id").GetGuid();
        var realPlot = (await PlotIdsAsync(admin, gardenId)).First();
        await (await Post($"/plots/{realPlot}/claims", "{\"householdId\": 5}")).ProblemAsync(HttpStatusCode.BadRequest, "householdId");
        await (await Post($"/plots/{realPlot}/claims", "{}")).ProblemAsync(HttpStatusCode.BadRequest, "householdId");
        await (await Post($"/plots/{realPlot}/claims", "{\"householdId\":\"" + Guid.NewGuid() + "\"}")).ProblemAsync(HttpStatusCode.NotFound, "householdId");
        await (await Post($"/plots/{realPlot}/claims", "{\"householdId\":\"" + Guid.NewGuid() + "\",\"season\":\"1999\"}")).ProblemAsync(HttpStatusCode.NotFound, "season");
        await (await Post($"/gardens/{Guid.NewGuid()}/lottery-rounds", "{}")).ProblemAsync(HttpStatusCode.NotFound, "gardenId");
    }

    private static async Task<List<Guid>> PlotIdsAsync(HttpClient client, Guid gardenId) =>
        (await (await client.GetAsync($"{Scene}/gardens/{gardenId}/plots")).OkAsync()).GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("id").GetGuid()).ToList();

    /// <summary>The Web Mercator (XYZ) tile containing a point, by the slippy-map formula.</summary>
    private static (int X, int Y) TileOf(double lon, double lat, int z)
    {
        var n = 1 << z;
        var rad = lat * Math.PI / 180;
        return ((int)((lon + 180) / 360 * n), (int)((1 - Math.Log(Math.Tan(rad) + 1 / Math.Cos(rad)) / Math.PI) / 2 * n));
    }
}
