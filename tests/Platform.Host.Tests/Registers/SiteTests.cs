using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Host.Tests.Registers;

/// <summary>Sites on the demo street, each test in a free spot of its own east of Xinglong Lake.</summary>
public sealed class SiteTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private static int _slot;

    /// <summary>A 0.0006° square in a part of 保水社区 where the demo has no site.</summary>
    private static object FreeSquare()
    {
        var i = Interlocked.Increment(ref _slot);
        var w = 104.1030 + (i % 6) * 0.0008;
        var s = 30.3965 + (i / 6) * 0.0008;
        return Square(w, s, 0.0006);
    }

    private static object Square(double w, double s, double size) => new
    {
        type = "Polygon",
        coordinates = new[] { new[] { new[] { w, s }, new[] { w + size, s }, new[] { w + size, s + size }, new[] { w, s + size }, new[] { w, s } } },
    };

    [Fact]
    public async Task Site_MovedThroughItsLifecycle_HasEachStepInItsHistoryWithUserTimeAndReason()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/sites", new { name = "测试公园", geometry = FreeSquare(), budgetWan = 120.5, owner = "兴隆街道", statusSince = "2026-01-05" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var steps = new[] { ("approved", "2026-02-01", "立项批复"), ("under_construction", "2026-03-01", "开工"), ("completed", "2026-09-30", "竣工验收") };
        foreach (var (status, date, reason) in steps)
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/sites/{id}/status", new { status, date, reason })).StatusCode);
        var backwards = await admin.PostAsJsonAsync($"/api/sites/{id}/status", new { status = "approved", date = "2026-10-01", reason = "回退" });
        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/sites/{id}/history");
        var asOfMarch = (await admin.GetFromJsonAsync<JsonElement>("/api/sites?asOf=2026-03-15")).EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == id);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, backwards.StatusCode);
        Assert.Equal(["registers.site_registered", "registers.site_status_changed", "registers.site_status_changed", "registers.site_status_changed"],
            history.EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        Assert.All(history.EnumerateArray(), e => Assert.Equal("admin", e.GetProperty("user").GetString()));
        Assert.Equal(["立项批复", "开工", "竣工验收"], history.EnumerateArray().Skip(1).Select(e => e.GetProperty("reason").GetString()));
        Assert.Equal("under_construction", asOfMarch.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Site_SelfIntersecting_Is400WithReasonAndCrossingPoint()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        // Diagonals of the bow-tie cross at (104.1050, 30.4010).
        var bowTie = new { type = "Polygon", coordinates = new[] { new[] { new[] { 104.1045, 30.4005 }, new[] { 104.1055, 30.4015 }, new[] { 104.1055, 30.4005 }, new[] { 104.1045, 30.4015 }, new[] { 104.1045, 30.4005 } } } };

        var response = await admin.PostAsJsonAsync("/api/sites", new { name = "自相交", geometry = bowTie });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("intersect", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        var at = problem.GetProperty("location").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(104.1050, at[0], 6);
        Assert.Equal(30.4010, at[1], 6);
    }

    [Fact]
    public async Task Site_OutsideTheStreet_Is409WithWhereItLies()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/sites", new { name = "街道外", geometry = Square(104.20, 30.50, 0.001) });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var at = problem.GetProperty("location").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.InRange(at[0], 104.20, 104.201);
        Assert.InRange(at[1], 30.50, 30.501);
    }

    [Fact]
    public async Task Site_OverlappingAnother_Is409_AndNothingIsAppended()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var first = FreeSquare();
        (await admin.PostAsJsonAsync("/api/sites", new { name = "先建", geometry = first })).EnsureSuccessStatusCode();
        var before = (await admin.GetFromJsonAsync<JsonElement>("/api/sites")).GetArrayLength();

        var response = await admin.PostAsJsonAsync("/api/sites", new { name = "重叠", geometry = first });
        var after = (await admin.GetFromJsonAsync<JsonElement>("/api/sites")).GetArrayLength();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("areaSquareMetres").GetDouble() > 1000);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task EightOverlappingSites_DrawnAtOnce_OneIsCreated_SevenAreRefused()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var square = FreeSquare();

        var responses = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => admin.PostAsJsonAsync("/api/sites", new { name = $"同时{i}", geometry = square })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var sites = await admin.GetFromJsonAsync<JsonElement>("/api/sites");
        Assert.Single(sites.EnumerateArray(), x => x.GetProperty("name").GetString()!.StartsWith("同时", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("planner", HttpStatusCode.Forbidden)]
    [InlineData("worker", HttpStatusCode.Forbidden)]
    public async Task CreatingASite_IsForAdministratorsOnly(string? user, HttpStatusCode expected)
    {
        var client = user is null ? fixture.Factory.CreateClient() : await fixture.Factory.ClientForAsync(user);

        var response = await client.PostAsJsonAsync("/api/sites", new { name = "越权", geometry = FreeSquare() });

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task DemoSites_AreListed_AtDifferentStages()
    {
        var sites = await fixture.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/sites");

        var statuses = sites.EnumerateArray().Select(s => s.GetProperty("status").GetString()).ToHashSet();
        Assert.True(sites.GetArrayLength() >= 12);
        Assert.Superset(new HashSet<string?> { "proposed", "approved", "under_construction", "completed", "cancelled" }, statuses);
    }

    [Fact]
    public async Task EveryDemoCompound_IsInTheCommunityThatLocateNamesForItsLocation()
    {
        var client = fixture.Factory.CreateClient();
        var compounds = await client.GetFromJsonAsync<JsonElement>("/api/compounds");

        Assert.True(compounds.GetArrayLength() >= 11);
        foreach (var c in compounds.EnumerateArray())
        {
            var at = c.GetProperty("location").EnumerateArray().Select(v => v.GetDouble().ToString("R", CultureInfo.InvariantCulture)).ToArray();
            var located = await client.GetFromJsonAsync<JsonElement>($"/api/jurisdiction/locate?lon={at[0]}&lat={at[1]}");
            Assert.Equal(located.GetProperty("community").GetProperty("name").GetString(), c.GetProperty("communityName").GetString());
        }
    }
}
