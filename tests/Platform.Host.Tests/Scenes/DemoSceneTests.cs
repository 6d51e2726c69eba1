using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Host.Tests.Scenes;

public sealed class DemoSceneTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task Coverage_OnTheDemo_AnswersForEveryCompound_AndTheGapLayerIsOnTheMap()
    {
        var client = fixture.Factory.CreateClient();
        var compounds = await client.GetFromJsonAsync<JsonElement>("/api/compounds");
        var coverage = await client.GetFromJsonAsync<JsonElement>("/api/scenes/service/coverage");
        var layers = await client.GetFromJsonAsync<JsonElement>("/api/layers");

        Assert.Equal(
            compounds.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).Order(),
            coverage.GetProperty("compounds").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).Order());
        Assert.Contains(layers.EnumerateArray(), l => l.GetProperty("id").GetString() == "service-gaps");
        // The demo leaves gaps on purpose (三根松社区 has no kindergarten).
        Assert.Contains(coverage.GetProperty("compounds").EnumerateArray(), c => c.GetProperty("missingCount").GetInt32() > 0);
        // Its streets (about every 250 m) reach every compound, so every walk follows them, on one connected network.
        Assert.Equal("road-network", coverage.GetProperty("method").GetString());
        Assert.Equal(1, coverage.GetProperty("network").GetProperty("components").GetInt32());
    }

    [Fact]
    public async Task Siting_OnVacantLand_ChoosesGridPointsOffCompoundsAndWater_EachGainingOnlyUnservedHouseholds()
    {
        // Siting is for signed-in users since issue 15 (seconds of CPU per call).
        var client = await fixture.Factory.ClientForAsync("planner");

        var response = await client.PostAsJsonAsync("/api/scenes/service/siting", new { category = "kindergarten", k = 3, gridMetres = 200 });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.GetProperty("candidates").GetInt32() > 100, body.ToString());
        var choices = body.GetProperty("choices").EnumerateArray().ToList();
        Assert.NotEmpty(choices);
        var coverage = await client.GetFromJsonAsync<JsonElement>("/api/scenes/service/coverage");
        var unserved = coverage.GetProperty("compounds").EnumerateArray()
            .Where(c => c.GetProperty("levels").EnumerateArray().Single(l => l.GetProperty("minutes").GetInt32() == 5).GetProperty("missing").EnumerateArray().Any(m => m.GetString() == "kindergarten"))
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("households").GetInt32());
        var occupied = new List<NetTopologySuite.Geometries.Geometry>();
        foreach (var layer in new[] { "registers-compounds", "base-water" })
        {
            var items = await client.GetFromJsonAsync<JsonElement>($"/ogc/collections/{layer}/items?limit=1000");
            occupied.AddRange(items.GetProperty("features").EnumerateArray().Select(f => Platform.Spatial.GeoJson.ReadGeometry(f.GetProperty("geometry").GetRawText())));
        }
        var seen = new HashSet<string>();
        var previous = int.MaxValue;
        foreach (var choice in choices)
        {
            var (lon, lat) = (choice.GetProperty("lon").GetDouble(), choice.GetProperty("lat").GetDouble());
            var at = Platform.Spatial.StorageCrs.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(lon, lat));
            Assert.DoesNotContain(occupied, g => g.Contains(at));
            var place = await client.GetFromJsonAsync<JsonElement>(FormattableString.Invariant($"/api/jurisdiction/locate?lon={lon}&lat={lat}"));
            // Inside the territory the street manages: its own, or an area delegated to it.
            Assert.Equal("兴隆街道", place.GetProperty("managingStreet").GetString());
            var gained = choice.GetProperty("compoundsGained").EnumerateArray().Select(n => n.GetString()!).ToList();
            // Only compounds that miss a kindergarten are gained, each once, and the households add up.
            Assert.All(gained, n => Assert.True(unserved.ContainsKey(n), n));
            Assert.All(gained, n => Assert.True(seen.Add(n), n));
            var households = choice.GetProperty("householdsGained").GetInt32();
            Assert.Equal(gained.Sum(n => unserved[n]), households);
            Assert.True(households <= previous, "the greedy choice gains no more than the one before");
            previous = households;
        }
    }

    [Fact]
    public async Task Siting_WithATooFineGrid_IsRefusedWithTheField()
    {
        var response = await (await fixture.Factory.ClientForAsync("planner")).PostAsJsonAsync("/api/scenes/service/siting", new { category = "kindergarten", k = 1, gridMetres = 50 });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("gridMetres", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Plugins_ListTheFourScenes_EachIdNamingItsScene()
    {
        var plugins = await fixture.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/plugins");

        var ids = plugins.EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToList();
        foreach (var scene in new[] { "service", "ecological", "smart", "vitality" })
            Assert.Contains(ids, id => id.Contains(scene, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DisablingAPlugin_HidesItsEndpointsAndLayers_KeepsItsData_AndEnablingBringsThemBack()
    {
        var developer = await fixture.Factory.ClientForAsync("developer");
        var planner = await fixture.Factory.ClientForAsync("planner");
        var anonymous = fixture.Factory.CreateClient();
        var before = (await anonymous.GetFromJsonAsync<JsonElement>("/api/scenes/service/projects")).GetArrayLength();

        var byPlanner = await planner.PostAsync("/api/plugins/service/disable", null);
        var disabled = await developer.PostAsync("/api/plugins/service/disable", null);
        var whileDisabled = await anonymous.GetAsync("/api/scenes/service/projects");
        var layersWhileDisabled = await anonymous.GetFromJsonAsync<JsonElement>("/api/layers");
        var state = (await anonymous.GetFromJsonAsync<JsonElement>("/api/plugins")).EnumerateArray().Single(p => p.GetProperty("id").GetString() == "service").GetProperty("state").GetString();
        var enabled = await developer.PostAsync("/api/plugins/service/enable", null);
        var after = (await anonymous.GetFromJsonAsync<JsonElement>("/api/scenes/service/projects")).GetArrayLength();

        Assert.Equal(HttpStatusCode.Forbidden, byPlanner.StatusCode);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, whileDisabled.StatusCode);
        Assert.DoesNotContain(layersWhileDisabled.EnumerateArray(), l => l.GetProperty("id").GetString()!.StartsWith("service-", StringComparison.Ordinal));
        Assert.Equal("disabled", state);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.True(before > 0);
        Assert.Equal(before, after);
    }
}
