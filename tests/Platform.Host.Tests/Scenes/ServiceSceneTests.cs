using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Host.Tests.Scenes;

/// <summary>
/// Coverage on a hand-made case far from the demo (110°E, 30°N): compound A at 30.000°N (100 households),
/// B at 30.010°N (50); kindergarten at 30.0025°, primary school at 30.004°, middle school at 30.008°, all on
/// the 110° meridian. Distances come from PROJ's <c>geod</c>, not from the platform.
/// </summary>
public sealed class ServiceSceneTests(EmptyPlatformFixture fixture) : IClassFixture<EmptyPlatformFixture>
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static (Guid A, Guid B)? _compounds;

    private static Guid? _roadCompound;

    private static object Standard(double detour, string distanceMethod = "road-network") => new
    {
        detourFactor = detour,
        distanceMethod,
        levels = new object[]
        {
            new { minutes = 15, nameZh = "15分钟生活圈", nameEn = "15-minute", walkMetres = 1000, categories = new[] { "middle_school" } },
            new { minutes = 10, nameZh = "10分钟生活圈", nameEn = "10-minute", walkMetres = 500, categories = new[] { "primary_school" } },
            new { minutes = 5, nameZh = "5分钟生活圈", nameEn = "5-minute", walkMetres = 300, categories = new[] { "kindergarten" } },
            new { minutes = 0, nameZh = "居住街坊", nameEn = "Block", walkMetres = 150, categories = Array.Empty<string>() },
        },
    };

    private async Task<(HttpClient Admin, Guid A, Guid B)> ArrangeAsync(double detour)
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/scenes/service/standard", Standard(detour))).StatusCode);
        await Once.WaitAsync();
        try
        {
            if (_compounds is null)
            {
                var a = await CompoundAsync(admin, "甲小区", 110.000, 30.000, 100);
                var b = await CompoundAsync(admin, "乙小区", 110.000, 30.010, 50);
                await FacilityAsync(admin, "测试幼儿园", "kindergarten", 30.0025);
                await FacilityAsync(admin, "测试小学", "primary_school", 30.004);
                await FacilityAsync(admin, "测试初中", "middle_school", 30.008);
                _compounds = (a, b);
            }
        }
        finally
        {
            Once.Release();
        }
        return (admin, _compounds.Value.A, _compounds.Value.B);
    }

    [Fact]
    public async Task Coverage_WithoutDetour_MatchesTheHandComputedCase_AndTheLevelsDoNotNest()
    {
        var (admin, a, b) = await ArrangeAsync(detour: 1.0);
        // Hand check of the geometry with PROJ: A reaches all three within their distances, B none but the middle school.
        Assert.InRange(Geod(30.000, 30.0025), 270, 290);
        Assert.InRange(Geod(30.000, 30.004), 435, 455);
        Assert.InRange(Geod(30.000, 30.008), 880, 900);
        Assert.InRange(Geod(30.010, 30.008), 215, 230);

        var coverage = await admin.GetFromJsonAsync<JsonElement>("/api/scenes/service/coverage");

        var ca = Compound(coverage, a);
        var cb = Compound(coverage, b);
        // No road within 300 m of A or B: their walks are straight lines, and the answer says so.
        Assert.Equal("straight-line", ca.GetProperty("distanceMethod").GetString());
        Assert.Equal("straight-line", cb.GetProperty("distanceMethod").GetString());
        Assert.Equal("straight-line", Level(ca, 5).GetProperty("reached")[0].GetProperty("method").GetString());
        Assert.True(Level(ca, 5).GetProperty("satisfied").GetBoolean());
        Assert.True(Level(ca, 10).GetProperty("satisfied").GetBoolean());
        Assert.True(Level(ca, 15).GetProperty("satisfied").GetBoolean());
        Assert.Equal(Geod(30.000, 30.0025), Reached(ca, 5, "kindergarten"), 0.5);
        // B reaches the middle school (15-minute level) but misses the 5- and 10-minute facilities: not satisfied at 15.
        Assert.Equal(Geod(30.010, 30.008), Reached(cb, 15, "middle_school"), 0.5);
        Assert.Empty(Level(cb, 15).GetProperty("missing").EnumerateArray());
        Assert.False(Level(cb, 15).GetProperty("satisfied").GetBoolean());
        Assert.Equal(["kindergarten"], Level(cb, 5).GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task Coverage_WithADetourFactor_PushesAsFacilitiesOutOfReach()
    {
        var (admin, a, _) = await ArrangeAsync(detour: 1.3);

        var coverage = await admin.GetFromJsonAsync<JsonElement>("/api/scenes/service/coverage");

        // 277 m × 1.3 = 360 m > 300 m; 443 m × 1.3 = 576 m > 500 m; 887 m × 1.3 = 1153 m > 1000 m.
        var ca = Compound(coverage, a);
        Assert.Equal(["kindergarten"], Level(ca, 5).GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["primary_school"], Level(ca, 10).GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["middle_school"], Level(ca, 15).GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(1.3, coverage.GetProperty("detourFactor").GetDouble());
    }

    [Fact]
    public async Task Siting_PicksTheCandidateThatServesTheMostUnservedHouseholds()
    {
        var (admin, _, _) = await ArrangeAsync(detour: 1.0);

        // Candidate 1 is 111 m from B (unserved, 50 households); candidate 2 is next to A, already served.
        var response = await admin.PostAsJsonAsync("/api/scenes/service/siting", new
        {
            category = "kindergarten", k = 2, candidates = new[] { new[] { 110.000, 30.009 }, new[] { 110.000, 29.999 } },
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var choices = body.GetProperty("choices").EnumerateArray().Where(c => c.GetProperty("compoundsGained").EnumerateArray().Any(n => n.GetString() is "乙小区" or "甲小区")).ToList();
        var only = Assert.Single(choices);
        Assert.Equal("候选点1", only.GetProperty("candidate").GetString());
        Assert.Equal(["乙小区"], only.GetProperty("compoundsGained").EnumerateArray().Select(n => n.GetString()));
    }

    /// <summary>
    /// A U of roads laid out in EPSG:4546 metres (converted by PROJ's cs2cs) at 111°E: west road x = 0 and east
    /// road x = 600, each 1200 m long from y = 0, joined along y = 0. Compound C at (40, 1000), 100 households;
    /// primary school at (60, 700); middle school across the gap at (560, 1000), 520 m away in a straight line.
    /// Along the roads: school 40 + 300 + 60 = 400 m; middle school 40 + 1000 + 600 + 1000 + 40 = 2680 m.
    /// </summary>
    [Fact]
    public async Task Coverage_AlongTheRoads_WalksAroundTheGap_AndSaysSo_UnlessStraightLineIsChosen()
    {
        var (admin, a, _) = await ArrangeAsync(detour: 1.0);
        var c = await ArrangeRoadCaseAsync(admin);

        var coverage = await admin.GetFromJsonAsync<JsonElement>("/api/scenes/service/coverage");

        var cc = Compound(coverage, c);
        Assert.Equal("road-network", cc.GetProperty("distanceMethod").GetString());
        var school = Level(cc, 10).GetProperty("reached").EnumerateArray().Single(r => r.GetProperty("category").GetString() == "primary_school");
        Assert.Equal(400, school.GetProperty("walkMetres").GetDouble(), 0.06);
        Assert.Equal("road-network", school.GetProperty("method").GetString());
        Assert.Equal(["middle_school"], Level(cc, 15).GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        // A and B are far from every road: the whole answer is mixed, and the network is described.
        Assert.Equal("straight-line", Compound(coverage, a).GetProperty("distanceMethod").GetString());
        Assert.Equal("mixed", coverage.GetProperty("method").GetString());
        Assert.Equal(3000, coverage.GetProperty("network").GetProperty("lengthMetres").GetDouble(), 0.06);
        Assert.Equal(1, coverage.GetProperty("network").GetProperty("components").GetInt32());

        var straight = await admin.PutAsJsonAsync("/api/scenes/service/standard", Standard(1.0, "straight-line"));
        Assert.Equal(HttpStatusCode.OK, straight.StatusCode);
        var byLine = await admin.GetFromJsonAsync<JsonElement>("/api/scenes/service/coverage");

        var middle = Level(Compound(byLine, c), 15).GetProperty("reached").EnumerateArray().Single(r => r.GetProperty("category").GetString() == "middle_school");
        Assert.Equal(520, middle.GetProperty("walkMetres").GetDouble(), 0.06);
        Assert.Equal("straight-line", middle.GetProperty("method").GetString());
        Assert.Equal("straight-line", byLine.GetProperty("method").GetString());
    }

    [Fact]
    public async Task Siting_AlongTheRoads_CountsOnlyWhatTheRoadsBringWithinReach()
    {
        var (admin, _, _) = await ArrangeAsync(detour: 1.0);
        await ArrangeRoadCaseAsync(admin);

        // Two candidate middle schools for C (15-minute level, 1000 m; the one across the gap is out of reach on foot):
        // one down C's own road at (10, 300): 40 + 700 + 10 = 750 m; one across the gap at (400, 1000), 360 m away in a
        // straight line but nearer the east road (200 m), so 40 + 1000 + 600 + 1000 + 200 = 2840 m on foot.
        // In a straight line both would serve C, and the tie would go to the first by name.
        var down = Zone(10, 300);
        var across = Zone(400, 1000);
        var response = await admin.PostAsJsonAsync("/api/scenes/service/siting", new
        {
            category = "middle_school", k = 2, candidates = new[] { new[] { across.Lon, across.Lat }, new[] { down.Lon, down.Lat } },
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var forC = body.GetProperty("choices").EnumerateArray().Where(ch => ch.GetProperty("compoundsGained").EnumerateArray().Any(n => n.GetString() == "丙小区")).ToList();
        Assert.Equal("候选点2", Assert.Single(forC).GetProperty("candidate").GetString());
        Assert.Equal("road-network", body.GetProperty("method").GetString());
    }

    [Fact]
    public async Task Roads_AreForAdministrators_AndMustBeLines()
    {
        var planner = await fixture.Factory.ClientForAsync("planner");
        var admin = await fixture.Factory.ClientForAsync("admin");
        var line = new { type = "LineString", coordinates = new[] { new[] { 112.0, 30.0 }, new[] { 112.001, 30.0 } } };
        var square = new { type = "Polygon", coordinates = new[] { new[] { new[] { 112.0, 30.0 }, new[] { 112.001, 30.0 }, new[] { 112.001, 30.001 }, new[] { 112.0, 30.0 } } } };

        var byPlanner = await planner.PostAsJsonAsync("/api/base-features", new { name = "测试路", kind = "road", geometry = line });
        var notALine = await admin.PostAsJsonAsync("/api/base-features", new { name = "测试路", kind = "road", geometry = square });
        var pointOfWater = await admin.PostAsJsonAsync("/api/base-features", new { name = "测试塘", kind = "water", geometry = new { type = "Point", coordinates = new[] { 112.0, 30.0 } } });
        var badMethod = await admin.PutAsJsonAsync("/api/scenes/service/standard", Standard(1.0, "as-the-crow-flies"));

        Assert.Equal(HttpStatusCode.Forbidden, byPlanner.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notALine.StatusCode);
        Assert.Equal("geometry", (await notALine.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal("geometry", (await pointOfWater.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal("distanceMethod", (await badMethod.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Standard_IsForAdministrators_AndBadValuesAreRefused()
    {
        var planner = await fixture.Factory.ClientForAsync("planner");
        var admin = await fixture.Factory.ClientForAsync("admin");

        var byPlanner = await planner.PutAsJsonAsync("/api/scenes/service/standard", new { detourFactor = 1.1, levels = Array.Empty<object>() });
        var badDetour = await admin.PutAsJsonAsync("/api/scenes/service/standard", new { detourFactor = 0.5, levels = new[] { new { minutes = 5, nameZh = "5", nameEn = "5", walkMetres = 300, categories = new[] { "kindergarten" } } } });
        var badCategory = await admin.PutAsJsonAsync("/api/scenes/service/standard", new { detourFactor = 1.2, levels = new[] { new { minutes = 5, nameZh = "5", nameEn = "5", walkMetres = 300, categories = new[] { "spaceport" } } } });

        Assert.Equal(HttpStatusCode.Forbidden, byPlanner.StatusCode);
        Assert.Equal("detourFactor", (await badDetour.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badCategory.StatusCode);
    }

    private static async Task<Guid> ArrangeRoadCaseAsync(HttpClient admin)
    {
        await Once.WaitAsync();
        try
        {
            if (_roadCompound is null)
            {
                async Task Road(string name, params (double X, double Y)[] points)
                {
                    var coordinates = points.Select(p => Zone(p.X, p.Y)).Select(p => new[] { p.Lon, p.Lat }).ToArray();
                    var response = await admin.PostAsJsonAsync("/api/base-features", new { name, kind = "road", geometry = new { type = "LineString", coordinates } });
                    Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                }
                await Road("西路", (0, 1200), (0, 0));
                await Road("南路", (0, 0), (600, 0));
                await Road("东路", (600, 0), (600, 1200));
                var c = Zone(40, 1000);
                _roadCompound = await CompoundAsync(admin, "丙小区", c.Lon, c.Lat, 100);
                var school = Zone(60, 700);
                await FacilityAsync(admin, "路网小学", "primary_school", school.Lon, school.Lat);
                var middle = Zone(560, 1000);
                await FacilityAsync(admin, "路网初中", "middle_school", middle.Lon, middle.Lat);
            }
        }
        finally
        {
            Once.Release();
        }
        return _roadCompound.Value;
    }

    /// <summary>EPSG:4546 (CGCS2000 Gauss–Krüger, 111°E) metres from (500 000, 3 320 000) to lon/lat, by PROJ's cs2cs.</summary>
    private static (double Lon, double Lat) Zone(double x, double y) => Proj.FromGaussKruger(4546, 500_000 + x, 3_320_000 + y);

    private static JsonElement Compound(JsonElement coverage, Guid id) =>
        coverage.GetProperty("compounds").EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == id);

    private static JsonElement Level(JsonElement compound, int minutes) =>
        compound.GetProperty("levels").EnumerateArray().Single(l => l.GetProperty("minutes").GetInt32() == minutes);

    private static double Reached(JsonElement compound, int minutes, string category) =>
        Level(compound, minutes).GetProperty("reached").EnumerateArray().Single(r => r.GetProperty("category").GetString() == category).GetProperty("walkMetres").GetDouble();

    private static async Task<Guid> CompoundAsync(HttpClient admin, string name, double lon, double lat, int households)
    {
        const double h = 0.0002;
        var geometry = new { type = "Polygon", coordinates = new[] { new[] { new[] { lon - h, lat - h }, new[] { lon + h, lat - h }, new[] { lon + h, lat + h }, new[] { lon - h, lat + h }, new[] { lon - h, lat - h } } } };
        var response = await admin.PostAsJsonAsync("/api/compounds", new { name, kind = "commercial", households, geometry });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static Task FacilityAsync(HttpClient admin, string name, string category, double lat) => FacilityAsync(admin, name, category, 110.000, lat);

    private static async Task FacilityAsync(HttpClient admin, string name, string category, double lon, double lat)
    {
        var response = await admin.PostAsJsonAsync("/api/facilities", new { name, category, geometry = new { type = "Point", coordinates = new[] { lon, lat } } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>Geodesic distance along the 110° meridian on GRS 80, by PROJ's geod.</summary>
    private static double Geod(double lat1, double lat2) => Proj.Geod(110, lat1, 110, lat2);
}
