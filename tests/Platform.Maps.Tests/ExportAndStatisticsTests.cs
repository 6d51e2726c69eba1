using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Maps.Tests;

/// <summary>Exports in four formats, statistics per community, and search.</summary>
public sealed partial class ExportAndStatisticsTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private const string Layer = "jurisdiction-communities";

    private HttpClient Client => fixture.Factory.CreateClient();

    [Fact]
    public async Task Export_WritesEveryFeatureInEachFormat()
    {
        var items = await Client.GetFromJsonAsync<JsonElement>($"/ogc/collections/{Layer}/items?datetime=2019-01-01");
        var count = items.GetProperty("numberMatched").GetInt32();

        var geojson = await Client.GetFromJsonAsync<JsonElement>($"/api/maps/export?layer={Layer}&format=geojson&date=2019-01-01");
        Assert.Equal(count, geojson.GetProperty("features").GetArrayLength());

        using (var zip = new ZipArchive(await Client.GetStreamAsync($"/api/maps/export?layer={Layer}&format=shapefile&date=2019-01-01")))
        {
            var names = zip.Entries.Select(e => Path.GetExtension(e.Name)).ToHashSet();
            Assert.Superset(new HashSet<string> { ".shp", ".shx", ".dbf", ".prj", ".cpg" }, names);
        }

        var gpkg = await Client.GetByteArrayAsync($"/api/maps/export?layer={Layer}&format=geopackage&date=2019-01-01");
        Assert.StartsWith("SQLite format 3", Encoding.ASCII.GetString(gpkg, 0, 15));

        var csv = (await Client.GetStringAsync($"/api/maps/export?layer={Layer}&format=csv&date=2019-01-01")).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("lon,lat,", lines[0]);
        Assert.Contains("wkt", lines[0]);
        Assert.Equal(count + 1, lines.Length);

        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync($"/api/maps/export?layer={Layer}&format=kml")).StatusCode);
    }

    [Fact]
    public async Task Export_ForOneCommunity_HoldsOnlyWhatLiesInIt()
    {
        var communities = await Client.GetFromJsonAsync<JsonElement>($"/ogc/collections/{Layer}/items");
        var name = communities.GetProperty("features")[0].GetProperty("properties").GetProperty("name").GetString()!;
        var one = await Client.GetFromJsonAsync<JsonElement>($"/api/maps/export?layer={Layer}&format=geojson&community={Uri.EscapeDataString(name)}");
        var names = one.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("name").GetString()).ToList();
        Assert.Equal([name], names);
    }

    [Fact]
    public async Task Statistics_OfTheCommunitiesLayer_CountEachCommunityOnce_WithItsOwnArea()
    {
        var stats = await Client.GetFromJsonAsync<JsonElement>($"/api/maps/statistics?layer={Layer}&date=2019-01-01");
        var items = await Client.GetFromJsonAsync<JsonElement>($"/ogc/collections/{Layer}/items?datetime=2019-01-01");
        var areas = items.GetProperty("features").EnumerateArray().ToDictionary(
            f => f.GetProperty("properties").GetProperty("name").GetString()!,
            f => f.GetProperty("properties").GetProperty("areaSquareMetres").GetDouble());

        var rows = stats.GetProperty("communities").EnumerateArray().ToList();
        Assert.Equal(areas.Count, rows.Count);
        foreach (var row in rows)
        {
            var name = row.GetProperty("name").GetString()!;
            Assert.Equal(1, row.GetProperty("count").GetInt32());
            // The layer's own attribute (computed by the jurisdiction module) against the statistics' overlay: within 0.1 %.
            Assert.Equal(areas[name], row.GetProperty("areaSquareMetres").GetDouble(), areas[name] * 0.001);
        }
        Assert.Equal(0, stats.GetProperty("outside").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Statistics_OfTheStreet_SplitItsAreaOverTheCommunities()
    {
        var stats = await Client.GetFromJsonAsync<JsonElement>("/api/maps/statistics?layer=jurisdiction-street");
        var street = await Client.GetFromJsonAsync<JsonElement>("/ogc/collections/jurisdiction-street/items");
        var total = street.GetProperty("features").EnumerateArray().Sum(f => f.GetProperty("properties").GetProperty("areaSquareMetres").GetDouble());
        var split = stats.GetProperty("communities").EnumerateArray().Sum(r => r.GetProperty("areaSquareMetres").GetDouble())
                    + stats.GetProperty("outside").GetProperty("areaSquareMetres").GetDouble();
        Assert.Equal(total, split, total * 0.001);
        Assert.True(stats.GetProperty("communities").EnumerateArray().Count(r => r.GetProperty("areaSquareMetres").GetDouble() > 0) > 1);
    }

    [Fact]
    public async Task Search_FindsFeaturesByPartOfTheirName()
    {
        var hits = await Client.GetFromJsonAsync<JsonElement>("/api/maps/search?q=" + Uri.EscapeDataString("兴隆湖"));
        Assert.Contains(hits.EnumerateArray(), h => h.GetProperty("name").GetString() == "兴隆湖社区" && h.GetProperty("layer").GetString() == Layer);
    }
}
