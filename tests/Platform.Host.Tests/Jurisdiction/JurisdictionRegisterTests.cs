using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Host.Tests.Jurisdiction;

public sealed class JurisdictionRegisterTests(EmptyPlatformFixture fixture) : IClassFixture<EmptyPlatformFixture>
{
    private static int _band;

    /// <summary>Each test draws its units in a band of longitude of its own, so they never overlap another test's.</summary>
    private async Task<(HttpClient Admin, TestJurisdiction J)> ArrangeAsync()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var x = 104.30 + 0.1 * Interlocked.Increment(ref _band);
        return (admin, await TestJurisdiction.BuildAsync(admin, x));
    }

    [Fact]
    public async Task OverlappingBoundary_IsRefusedWithTheOverlapAreaAndLocation()
    {
        var (admin, j) = await ArrangeAsync();

        // X straddles the A|V1 line, overlapping each by a strip 0.001° wide and 0.02° high.
        var response = await admin.PostAsJsonAsync("/api/jurisdiction/units", new
        {
            code = j.Tag + "-X", name = "越界社区", level = "community", parentId = j.Street,
            geometry = TestJurisdiction.Box(j.X + 0.019, 30.50, j.X + 0.021, 30.52),
            decision = TestJurisdiction.Decision("2020-01-01"),
        });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("geometry", problem.GetProperty("field").GetString());
        Assert.Equal(HandComputedStripArea(0.001, 30.50, 30.52), problem.GetProperty("areaSquareMetres").GetDouble(), 0.001 * HandComputedStripArea(0.001, 30.50, 30.52));
        var location = problem.GetProperty("location").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.InRange(location[0], j.X + 0.019, j.X + 0.021);
        Assert.InRange(location[1], 30.50, 30.52);
        var units = await admin.GetFromJsonAsync<JsonElement>("/api/jurisdiction/units?level=community");
        Assert.DoesNotContain(units.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("name").GetString() == "越界社区");
    }

    [Fact]
    public async Task FailedHouseholdVote_BlocksTheGroupMerge_ButIsOnRecord()
    {
        var (admin, j) = await ArrangeAsync();

        // 100 households, 300 adults; 60 households represented (< 2/3) and 60 adults (< 1/2): not quorate.
        var response = await admin.PostAsJsonAsync("/api/jurisdiction/group-merges", new
        {
            groupIds = new[] { j.G2 }, successorId = j.G1,
            vote = new { eligibleHouseholds = 100, adultVillagers = 300, present = 60, adultsPresent = 60, householdsRepresented = 60, votesFor = 58, votesAgainst = 2 },
            decision = TestJurisdiction.Decision("2021-03-01", "小组合并"),
        });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var groups = await admin.GetFromJsonAsync<JsonElement>("/api/jurisdiction/units?asOf=2021-12-31&level=group");
        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/jurisdiction/units/{j.G1}/history");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("vote", problem.GetProperty("field").GetString());
        Assert.Contains("未达法定人数", problem.GetProperty("detailZh").GetString());
        Assert.Contains(groups.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("id").GetString() == j.G2.ToString());
        Assert.Contains(history.EnumerateArray(), e => e.GetProperty("type").GetString() == "jurisdiction.household_vote_held");
        Assert.DoesNotContain(history.EnumerateArray(), e => e.GetProperty("type").GetString() == "jurisdiction.units_absorbed");
    }

    [Fact]
    public async Task PassedHouseholdVote_MergesTheGroups()
    {
        var (admin, j) = await ArrangeAsync();

        // 70 of 100 households represented (≥ 2/3): quorate; 40 of 70 present for (> 1/2): passed.
        var response = await admin.PostAsJsonAsync("/api/jurisdiction/group-merges", new
        {
            groupIds = new[] { j.G2 }, successorId = j.G1,
            vote = new { eligibleHouseholds = 100, adultVillagers = 300, present = 70, adultsPresent = 70, householdsRepresented = 70, votesFor = 40, votesAgainst = 30 },
            decision = TestJurisdiction.Decision("2021-03-01", "小组合并"),
        });
        var after = await admin.GetFromJsonAsync<JsonElement>("/api/jurisdiction/units?asOf=2021-03-01&level=group");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(after.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("id").GetString() == j.G2.ToString());
    }

    [Fact]
    public async Task UnitHistory_ListsUserTimeAndReasonOfEachChange()
    {
        var (admin, j) = await ArrangeAsync();
        await admin.PostAsJsonAsync($"/api/jurisdiction/units/{j.V3}/rename", new { name = "三村新名", decision = TestJurisdiction.Decision("2020-02-02", "村民会议决定更名") });

        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/jurisdiction/units/{j.V3}/history");

        var rename = history.EnumerateArray().Single(e => e.GetProperty("type").GetString() == "jurisdiction.unit_renamed");
        Assert.Equal("admin", rename.GetProperty("user").GetString());
        Assert.Equal("村民会议决定更名", rename.GetProperty("reason").GetString());
        Assert.True((DateTimeOffset.UtcNow - rename.GetProperty("at").GetDateTimeOffset()).Duration() < TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Locate_NamesTheUnitsContainingAPoint_OnThatDate()
    {
        var (admin, j) = await ArrangeAsync();
        await admin.PostAsJsonAsync("/api/jurisdiction/merges",
            new { absorbedIds = new[] { j.V3 }, successorId = j.V1, decision = TestJurisdiction.Decision("2020-06-30", "撤村并村") });

        var x = (j.X + 0.05).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var before = await admin.GetFromJsonAsync<JsonElement>($"/api/jurisdiction/locate?lon={x}&lat=30.51&date=2020-06-29");
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/jurisdiction/locate?lon={x}&lat=30.51&date=2020-07-01");

        Assert.Equal("三村", before.GetProperty("community").GetProperty("name").GetString());
        Assert.Equal("一村", after.GetProperty("community").GetProperty("name").GetString());
        Assert.Equal("测试街道", after.GetProperty("managingStreet").GetString());
    }

    [Fact]
    public async Task Worker_ChangesGroupsOfTheirOwnCommunity_ButNothingElse()
    {
        var (_, j) = await ArrangeAsync();
        var worker = await j.WorkerAsync(fixture.Factory);

        var inside = await worker.PostAsJsonAsync($"/api/jurisdiction/units/{j.GA}/rename", new { name = "甲社区一组", decision = TestJurisdiction.Decision("2020-03-01") });
        var outside = await worker.PostAsJsonAsync($"/api/jurisdiction/units/{j.G1}/rename", new { name = "越权", decision = TestJurisdiction.Decision("2020-03-01") });
        var merge = await worker.PostAsJsonAsync("/api/jurisdiction/merges", new { absorbedIds = new[] { j.V2 }, successorId = j.V1, decision = TestJurisdiction.Decision("2020-06-30") });

        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, merge.StatusCode);
    }

    public static TheoryData<string, string> WriteEndpoints() => new()
    {
        { "POST", "/api/jurisdiction/units" },
        { "POST", $"/api/jurisdiction/units/{Guid.NewGuid()}/rename" },
        { "POST", $"/api/jurisdiction/units/{Guid.NewGuid()}/convert-to-community" },
        { "POST", "/api/jurisdiction/merges" },
        { "POST", "/api/jurisdiction/transfers" },
        { "POST", "/api/jurisdiction/group-merges" },
        { "POST", "/api/jurisdiction/delegations" },
    };

    [Theory]
    [MemberData(nameof(WriteEndpoints))]
    public async Task EveryWriteEndpoint_Is401ForAnonymous_And403ForAPlanner(string method, string path)
    {
        var anonymous = fixture.Factory.CreateClient();
        var planner = await fixture.Factory.ClientForAsync("planner");
        var body = JsonContent.Create(new { name = "x" });

        var a = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = body });
        var p = await planner.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { name = "x" }) });

        Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, p.StatusCode);
    }

    [Fact]
    public async Task Establish_WithASelfIntersectingBoundary_Is400WithTheCrossingPoint()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        // A bow-tie whose diagonals cross at (104.305, 30.305).
        var bowTie = new { type = "Polygon", coordinates = new[] { new[] { new[] { 104.30, 30.30 }, new[] { 104.31, 30.31 }, new[] { 104.31, 30.30 }, new[] { 104.30, 30.31 }, new[] { 104.30, 30.30 } } } };

        var response = await admin.PostAsJsonAsync("/api/jurisdiction/units", new
        {
            code = "BAD", name = "坏边界", level = "street", geometry = bowTie, decision = TestJurisdiction.Decision("2020-01-01"),
        });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("geometry", problem.GetProperty("field").GetString());
        var location = problem.GetProperty("location").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(104.305, location[0], 6);
        Assert.Equal(30.305, location[1], 6);
    }

    /// <summary>
    /// Area of a lon/lat strip on the GRS 80 ellipsoid: width along the parallel N(φ)·cos φ·Δλ times the
    /// meridian arc M(φ)·Δφ at the mid latitude (exact to ~1e-7 for a strip this small).
    /// </summary>
    private static double HandComputedStripArea(double widthDegrees, double south, double north)
    {
        const double a = 6378137.0, f = 1 / 298.257222101;
        var e2 = f * (2 - f);
        var phi = (south + north) / 2 * Math.PI / 180;
        var w = 1 - e2 * Math.Sin(phi) * Math.Sin(phi);
        var n = a / Math.Sqrt(w);
        var m = a * (1 - e2) / Math.Pow(w, 1.5);
        return n * Math.Cos(phi) * widthDegrees * Math.PI / 180 * m * (north - south) * Math.PI / 180;
    }
}
