using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Host.Tests.Registers;

/// <summary>
/// Every register refuses places outside the street's territory (104.03–104.11°E, 30.36–30.44°N, plus the delegated
/// box 104.11–104.125°E, 30.40–30.42°N in the demo) beyond the 2 km margin (409, as a place outside the street conflicts with the jurisdiction register),
/// naming the distance, measured here with PROJ's geod.
/// </summary>
public sealed class TerritoryTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private const double BeijingLon = 116.39, BeijingLat = 39.91;

    private static object Point(double lon, double lat) => new { type = "Point", coordinates = new[] { lon, lat } };

    private static object Square(double lon, double lat, double size = 0.0005) => new
    {
        type = "Polygon",
        coordinates = new[] { new[] { new[] { lon, lat }, new[] { lon + size, lat }, new[] { lon + size, lat + size }, new[] { lon, lat + size }, new[] { lon, lat } } },
    };

    private static object Line(double lon, double lat) => new { type = "LineString", coordinates = new[] { new[] { lon, lat }, new[] { lon + 0.001, lat } } };

    /// <summary>The shortest geodesic from Beijing to the territory: its nearest points lie on the north edge (30.44°N) or the east edges.</summary>
    private static double BeijingToTerritoryByGeod()
    {
        var north = Enumerable.Range(0, 81).Select(i => Proj.Geod(BeijingLon, BeijingLat, 104.03 + 0.001 * i, 30.44));
        var east = Enumerable.Range(0, 41).Select(i => Proj.Geod(BeijingLon, BeijingLat, 104.11, 30.42 + 0.0005 * i));
        var delegated = Enumerable.Range(0, 16).Select(i => Proj.Geod(BeijingLon, BeijingLat, 104.11 + 0.001 * i, 30.42));
        return north.Concat(east).Concat(delegated).Min();
    }

    public static TheoryData<string, string> Registers() => new()
    {
        { "/api/facilities", JsonSerializer.Serialize(new { name = "北京设施", category = "kindergarten", geometry = Point(BeijingLon, BeijingLat) }) },
        { "/api/sites", JsonSerializer.Serialize(new { name = "北京点位", geometry = Square(BeijingLon, BeijingLat) }) },
        { "/api/compounds", JsonSerializer.Serialize(new { name = "北京小区", kind = "commercial", households = 10, geometry = Square(BeijingLon, BeijingLat) }) },
        { "/api/service-hubs", JsonSerializer.Serialize(new { name = "北京综合体", geometry = Point(BeijingLon, BeijingLat), spaces = new[] { new { name = "活动室", category = "kindergarten", areaSquareMetres = 100.0 } } }) },
        { "/api/planning-zones", JsonSerializer.Serialize(new { name = "北京组团", kind = "cluster", theme = "测试", description = "测试", geometry = Square(BeijingLon, BeijingLat) }) },
        { "/api/base-features", JsonSerializer.Serialize(new { name = "北京路", kind = "road", geometry = Line(BeijingLon, BeijingLat) }) },
        { "/api/base-features", JsonSerializer.Serialize(new { name = "北京湖", kind = "water", geometry = Square(BeijingLon, BeijingLat) }) },
        { "/api/scenes/smart/devices", JsonSerializer.Serialize(new { kind = "camera", name = "北京摄像头", compound = "北京小区", lon = BeijingLon, lat = BeijingLat }) },
    };

    [Theory]
    [MemberData(nameof(Registers))]
    public async Task PlaceInBeijing_IsRefusedByEveryRegister_NamingTheDistanceGeodGives(string route, string body)
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var expected = BeijingToTerritoryByGeod();

        var response = await admin.PostAsync(route, new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(problem.GetProperty("field").GetString(), new[] { "geometry", "lon" });
        Assert.InRange(problem.GetProperty("distanceMetres").GetDouble(), expected * 0.995, expected * 1.005);
        Assert.Contains("兴隆街道辖区外", problem.GetProperty("detailZh").GetString());
        var said = System.Text.RegularExpressions.Regex.Match(problem.GetProperty("detail").GetString()!, @"by ([0-9,]+) km");
        Assert.True(said.Success, problem.GetProperty("detail").GetString());
        Assert.InRange(double.Parse(said.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture), expected / 1000 * 0.995, expected / 1000 * 1.005);
    }

    [Fact]
    public async Task FacilityJustOutside_IsAcceptedWithinTheMargin_AndRefusedBeyondIt_WithGeodsDistance()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        // North of the north edge (30.44°N) at 104.07°E: 30.45 is about 1.1 km out, 30.47 about 3.3 km.
        var near = await admin.PostAsJsonAsync("/api/facilities", new { name = "边界外近处", category = "kindergarten", geometry = Point(104.07, 30.45) });
        var far = await admin.PostAsJsonAsync("/api/facilities", new { name = "边界外远处", category = "kindergarten", geometry = Point(104.07, 30.47) });
        var problem = await far.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, near.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, far.StatusCode);
        Assert.Equal(Proj.Geod(104.07, 30.44, 104.07, 30.47), problem.GetProperty("distanceMetres").GetDouble(), 2.0);
    }

    [Fact]
    public async Task CsvImport_WithOneRowInBeijing_IsRefusedWhole_AndThePrintedMapStillRenders()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var csv = "name,category,lon,lat\n辖区内设施,kindergarten,104.0611,30.4111\n北京设施,kindergarten,116.39,39.91\n";
        var before = (await admin.GetFromJsonAsync<JsonElement>("/api/facilities")).GetArrayLength();

        var response = await admin.PostAsync("/api/imports/facilities?format=csv", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var after = (await admin.GetFromJsonAsync<JsonElement>("/api/facilities")).GetArrayLength();
        var print = await admin.GetAsync("/api/maps/print?preset=housing-commerce-facilities&format=svg");

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        var refused = Assert.Single(body.GetProperty("refused").EnumerateArray());
        Assert.Equal(2, refused.GetProperty("row").GetInt32());
        Assert.Contains("辖区外", refused.GetProperty("reasonZh").GetString());
        Assert.Equal(before, after);
        Assert.Equal(HttpStatusCode.OK, print.StatusCode);
    }
}
