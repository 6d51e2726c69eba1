using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Maps.Tests.Support;
using Platform.Testing;

namespace Platform.Maps.Tests.Ogc;

/// <summary>
/// OGC API – Features Parts 1–3 as a GIS client relies on them, against the host process with the demo data. Counts are
/// checked against GDAL's ogrinfo reading the API's own GeoJSON, or against the API's figures for the same records.
/// </summary>
[Collection(MapsHostCollection.Name)]
public sealed partial class OgcContractTests(MapsHost host)
{
    private const string Communities = "/ogc/collections/jurisdiction-communities";
    private const string Buildings = "/ogc/collections/registers-buildings";
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private HttpClient Client() => host.Process.CreateClient();

    [Fact]
    public async Task Landing_LinksTheOpenApiDefinition_WhichDescribesEveryPathAndParameter()
    {
        using var client = Client();
        var landing = await client.GetFromJsonAsync<JsonElement>("/ogc");
        var links = landing.GetProperty("links").EnumerateArray().ToList();
        var desc = links.Single(l => l.GetProperty("rel").GetString() == "service-desc");
        Assert.Equal("application/vnd.oai.openapi+json;version=3.0", desc.GetProperty("type").GetString());
        var doc = links.Single(l => l.GetProperty("rel").GetString() == "service-doc");
        Assert.Equal("text/html", doc.GetProperty("type").GetString());

        var response = await client.GetAsync(new Uri(desc.GetProperty("href").GetString()!).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.oai.openapi+json", response.Content.Headers.ContentType?.MediaType);
        var api = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("3.0.", api.GetProperty("openapi").GetString());
        Assert.EndsWith("/ogc", api.GetProperty("servers")[0].GetProperty("url").GetString());
        var paths = api.GetProperty("paths");
        foreach (var path in (string[])["/", "/conformance", "/collections", "/collections/{collectionId}", "/collections/{collectionId}/queryables",
                     "/collections/{collectionId}/items", "/collections/{collectionId}/items/{featureId}"])
            Assert.True(paths.TryGetProperty(path, out _), $"the OpenAPI document lacks {path}");
        var parameters = api.GetProperty("components").GetProperty("parameters");
        Assert.Equal(10_000, parameters.GetProperty("limit").GetProperty("schema").GetProperty("maximum").GetInt32());
        var itemParameters = paths.GetProperty("/collections/{collectionId}/items").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("$ref").GetString()!.Split('/')[^1]).ToList();
        foreach (var name in (string[])["limit", "offset", "bbox", "bbox-crs", "crs", "datetime", "filter", "filter-lang", "filter-crs", "sortby", "properties"])
            Assert.Contains(name, itemParameters);

        // Per collection, its fields as query parameters: what QGIS offers as simple filters.
        var collections = await client.GetFromJsonAsync<JsonElement>("/ogc/collections");
        foreach (var c in collections.GetProperty("collections").EnumerateArray())
            Assert.True(paths.TryGetProperty($"/collections/{c.GetProperty("id").GetString()}/items", out _));
        var communityParameters = paths.GetProperty($"/collections/jurisdiction-communities/items").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Where(p => p.TryGetProperty("name", out _)).Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("name", communityParameters);
        Assert.Contains("level", communityParameters);

        var page = await client.GetAsync(new Uri(doc.GetProperty("href").GetString()!).PathAndQuery);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/collections/{collectionId}/items", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Conformance_DeclaresParts1To3_Cql2_AndSorting()
    {
        using var client = Client();
        var conformance = await client.GetFromJsonAsync<JsonElement>("/ogc/conformance");
        var classes = conformance.GetProperty("conformsTo").EnumerateArray().Select(c => c.GetString()).ToList();
        foreach (var uri in (string[])
                 [
                     "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core", "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                     "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html", "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
                     "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs", "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
                     "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter", "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
                     "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text", "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
                     "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators", "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
                     "http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/sorting",
                 ])
            Assert.Contains(uri, classes);
    }

    [Fact]
    public async Task TheLandingPageAndEachCollection_LinkToTheirVectorTilesets_WhichAnswer()
    {
        using var client = Client();
        const string rel = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector";
        var landing = await client.GetFromJsonAsync<JsonElement>("/ogc");
        var all = landing.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("rel").GetString() == rel);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(new Uri(all.GetProperty("href").GetString()!).PathAndQuery)).StatusCode);
        var collection = await client.GetFromJsonAsync<JsonElement>("/ogc/collections/jurisdiction-communities");
        var own = collection.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("rel").GetString() == rel);
        var tilesets = await client.GetFromJsonAsync<JsonElement>(new Uri(own.GetProperty("href").GetString()!).PathAndQuery);
        Assert.Contains("WebMercatorQuad", tilesets.GetRawText());
        Assert.Contains("http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt",
            (await client.GetFromJsonAsync<JsonElement>("/ogc/conformance")).GetProperty("conformsTo").EnumerateArray().Select(c => c.GetString()));
    }

    [Theory]
    [InlineData("/ogc")]
    [InlineData("/ogc/conformance")]
    [InlineData("/ogc/collections")]
    [InlineData(Communities)]
    [InlineData(Communities + "/queryables")]
    [InlineData(Communities + "/items")]
    public async Task EveryResource_IsHtmlForBrowsersAndF_Html_AndJsonOtherwise(string path)
    {
        using var client = Client();
        var byF = await client.GetAsync($"{path}?f=html");
        Assert.Equal("text/html", byF.Content.Headers.ContentType?.MediaType);
        var html = await byF.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("<table>", html);

        using var browser = new HttpRequestMessage(HttpMethod.Get, path);
        browser.Headers.Accept.ParseAdd(BrowserAccept);
        Assert.Equal("text/html", (await client.SendAsync(browser)).Content.Headers.ContentType?.MediaType);

        using var gis = new HttpRequestMessage(HttpMethod.Get, path);
        gis.Headers.Accept.ParseAdd("application/geo+json, application/json;q=0.9, text/html;q=0.1");
        var json = await client.SendAsync(gis);
        Assert.Contains("json", json.Content.Headers.ContentType?.MediaType);
        Assert.Contains("json", (await client.GetAsync(path)).Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"{path}?f=xml")).StatusCode);
    }

    [Fact]
    public async Task FeatureHtml_TabulatesTheAttributes_WithChineseFieldTitles()
    {
        using var client = Client();
        var items = await client.GetFromJsonAsync<JsonElement>($"{Communities}/items?limit=1");
        var feature = items.GetProperty("features")[0];
        var html = await client.GetStringAsync($"{Communities}/items/{feature.GetProperty("id").GetString()}?f=html");
        Assert.Contains($"<td>{feature.GetProperty("properties").GetProperty("name").GetString()}</td>", html);
        Assert.Contains("名称（name）", html);
        var list = await client.GetStringAsync($"{Communities}/items?f=html");
        Assert.Contains($"匹配 {items.GetProperty("numberMatched").GetInt32()} 个要素", list);
    }

    [Theory]
    [InlineData("/ogc")]
    [InlineData("/ogc/api")]
    [InlineData(Communities + "/items?limit=2")]
    public async Task Head_AnswersWithoutBody_AndGetCarriesCors(string path)
    {
        using var client = Client();
        var get = await client.GetAsync(path);
        Assert.Equal("*", get.Headers.GetValues("Access-Control-Allow-Origin").Single());
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal("*", head.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task LimitAboveTheMaximum_IsCapped_NotRefused()
    {
        using var client = Client();
        var response = await client.GetAsync($"{Buildings}/items?limit=50000");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(page.GetProperty("numberMatched").GetInt32(), page.GetProperty("numberReturned").GetInt32());
        Assert.Contains("limit=10000", page.GetProperty("links")[0].GetProperty("href").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"{Buildings}/items?limit=0")).StatusCode);
    }

    [Theory]
    [InlineData("bbox=104.06,30.3,104.02,30.5", "bbox")]
    [InlineData("bbox=104.02,30.5,104.06,30.3", "bbox")]
    [InlineData("datetime=2020-08-01/2020-07-01", "datetime")]
    [InlineData("datetime=2020-02-30", "datetime")]
    [InlineData("filter=name%20%3D", "filter")]
    [InlineData("filter-lang=cql2-json&filter=%7B%7D", "filter-lang")]
    [InlineData("filter-crs=EPSG:2000&filter=name%3D'x'", "filter-crs")]
    [InlineData("sortby=-nosuch", "sortby")]
    [InlineData("properties=name,nosuch", "properties")]
    public async Task BadParameter_IsRefusedWithProblemJson_NamingIt(string query, string field)
    {
        using var client = Client();
        var response = await client.GetAsync($"{Communities}/items?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detailZh").GetString()));
    }

    [Fact]
    public async Task BadFilter_NamesThePosition()
    {
        using var client = Client();
        var response = await client.GetAsync($"{Communities}/items?filter={Uri.EscapeDataString("level = 'village' AND colour = 'red'")}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(23, problem.GetProperty("position").GetInt32());
        Assert.Contains("colour", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task DatetimeIntervals_SelectWhatWasInForceAtEitherEnd()
    {
        using var client = Client();
        var before = await Ids(client, $"{Communities}/items?datetime=2020-06-29");
        var after = await Ids(client, $"{Communities}/items?datetime=2020-07-01");
        var today = await Ids(client, $"{Communities}/items");
        Assert.Equal(13, before.Count);
        Assert.Equal(7, after.Count);

        Assert.Equal(before.Union(after).Order(), (await Ids(client, $"{Communities}/items?datetime=2020-06-29/2020-07-01")).Order());
        Assert.Equal(before.Union(after).Order(), (await Ids(client, $"{Communities}/items?datetime=2020-06-29T00:00:00Z/2020-07-01T08:00:00Z")).Order());
        Assert.Equal(before.Order(), (await Ids(client, $"{Communities}/items?datetime=../2020-06-29")).Order());
        Assert.Equal(after.Union(today).Order(), (await Ids(client, $"{Communities}/items?datetime=2020-07-01/..")).Order());
        Assert.Equal(after.Union(today).Order(), (await Ids(client, $"{Communities}/items?datetime=2020-07-01/")).Order());
    }

    [Fact]
    public async Task Queryables_AreAJsonSchemaOfEveryAttribute_AndTheGeometryOfTheCollectionsType()
    {
        using var client = Client();
        var collections = await client.GetFromJsonAsync<JsonElement>("/ogc/collections");
        foreach (var c in collections.GetProperty("collections").EnumerateArray())
        {
            var id = c.GetProperty("id").GetString();
            var response = await client.GetAsync($"/ogc/collections/{id}/queryables");
            Assert.Equal("application/schema+json", response.Content.Headers.ContentType?.MediaType);
            var schema = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.GetProperty("$schema").GetString());
            Assert.Equal("object", schema.GetProperty("type").GetString());
            var properties = schema.GetProperty("properties");
            Assert.Equal($"geometry-{c.GetProperty("geometryType").GetString()!.ToLowerInvariant()}", properties.GetProperty("geometry").GetProperty("format").GetString());
            var items = await client.GetFromJsonAsync<JsonElement>($"/ogc/collections/{id}/items?limit=10000");
            foreach (var f in items.GetProperty("features").EnumerateArray())
            foreach (var p in f.GetProperty("properties").EnumerateObject())
                Assert.True(properties.TryGetProperty(p.Name, out _), $"{id}: attribute {p.Name} is not a queryable");
        }
    }

    [Fact]
    public async Task Sortby_OrdersByTheKeys_ThenById()
    {
        using var client = Client();
        var all = await client.GetFromJsonAsync<JsonElement>($"{Buildings}/items?limit=10000");
        var expected = all.GetProperty("features").EnumerateArray()
            .OrderByDescending(f => f.GetProperty("properties").GetProperty("floors").GetInt32())
            .ThenBy(f => f.GetProperty("properties").GetProperty("name").GetString(), StringComparer.Ordinal)
            .ThenBy(f => f.GetProperty("id").GetString(), StringComparer.Ordinal)
            .Select(f => f.GetProperty("id").GetString()).ToList();
        var sorted = await client.GetFromJsonAsync<JsonElement>($"{Buildings}/items?limit=10000&sortby=-floors,%2Bname");
        Assert.Equal(expected, sorted.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()).ToList());
        Assert.NotEqual(expected, all.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()).ToList());

        // Paging a sorted list: the pages joined are the sorted list.
        var paged = new List<string?>();
        for (var offset = 0; offset < expected.Count; offset += 20)
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"{Buildings}/items?limit=20&offset={offset}&sortby=-floors,name");
            paged.AddRange(page.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
        }
        Assert.Equal(expected, paged);
    }

    [Fact]
    public async Task Properties_ReturnsOnlyTheNamedAttributes()
    {
        using var client = Client();
        var page = await client.GetFromJsonAsync<JsonElement>($"{Communities}/items?properties=name,code");
        foreach (var f in page.GetProperty("features").EnumerateArray())
        {
            Assert.Equal(["code", "name"], f.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order().ToArray());
            Assert.Equal(JsonValueKind.Object, f.GetProperty("geometry").ValueKind);
        }
    }

    [Fact]
    public async Task EveryFeature_HasItsCollectionsGeometryType_AndCoordinatesRoundedToTheCrs()
    {
        using var client = Client();
        var collections = await client.GetFromJsonAsync<JsonElement>("/ogc/collections");
        var types = new List<string>();
        foreach (var c in collections.GetProperty("collections").EnumerateArray())
        {
            var id = c.GetProperty("id").GetString();
            var type = c.GetProperty("geometryType").GetString()!;
            types.Add(type);
            var text = await client.GetStringAsync($"/ogc/collections/{id}/items?limit=10000");
            using var items = JsonDocument.Parse(text);
            foreach (var f in items.RootElement.GetProperty("features").EnumerateArray())
                Assert.Equal(type, f.GetProperty("geometry").GetProperty("type").GetString());
            var coordinates = Coordinates(items.RootElement);
            Assert.All(coordinates, v => Assert.True(FractionDigits(v) <= 7, $"{id}: {v} has more than 7 decimals"));

            var gk = await client.GetStringAsync($"/ogc/collections/{id}/items?limit=10000&crs=http://www.opengis.net/def/crs/EPSG/0/4544");
            using var gkItems = JsonDocument.Parse(gk);
            Assert.All(Coordinates(gkItems.RootElement), v => Assert.True(FractionDigits(v) <= 3, $"{id} in EPSG:4544: {v} has more than 3 decimals"));
        }
        Assert.Contains("MultiPolygon", types);
        Assert.DoesNotContain("LinearRing", types);
    }

    /// <summary>Each CQL2 filter against ogrinfo's OGR SQL on the GeoJSON the API serves for the whole layer.</summary>
    [Theory]
    [InlineData(Buildings, "floors > 5", "floors > 5")]
    [InlineData(Buildings, "floors >= 6 AND households < 100", "floors >= 6 AND households < 100")]
    [InlineData(Buildings, "floors IN (3, 6, 11, 18)", "floors IN (3, 6, 11, 18)")]
    [InlineData(Buildings, "households BETWEEN 20 AND 80", "households BETWEEN 20 AND 80")]
    [InlineData(Buildings, "NOT (floors < 6) OR households > 100", "NOT (floors < 6) OR households > 100")]
    [InlineData(Buildings, "name LIKE '%1%'", "name LIKE '%1%'")]
    [InlineData(Communities, "level = 'community'", "level = 'community'")]
    [InlineData(Communities, "areaSquareMetres > 10000000 AND name LIKE '%社区'", "areaSquareMetres > 10000000 AND name LIKE '%社区'")]
    [InlineData(Communities, "validFrom < DATE('2020-07-02')", "validFrom < '2020-07-02'")]
    public async Task Cql2Filter_SelectsWhatOgrSqlSelects(string collection, string cql2, string ogrSql)
    {
        using var client = Client();
        var (path, total) = await DownloadAsync(client, collection);
        var expected = OgrCount(await Tools.RunAsync("ogrinfo", "-ro", "-so", "-al", "-where", ogrSql, path));
        var filtered = await client.GetFromJsonAsync<JsonElement>($"{collection}/items?limit=10000&filter={Uri.EscapeDataString(cql2)}&filter-lang=cql2-text");
        Assert.Equal(expected, filtered.GetProperty("numberMatched").GetInt32());
        Assert.InRange(expected, 1, Math.Max(1, total - 1));
    }

    [Fact]
    public async Task SIntersects_SelectsWhatOgrinfoSpatSelects_InCrs84AndInLatLonFilterCrs()
    {
        using var client = Client();
        var (path, total) = await DownloadAsync(client, Buildings);
        var expected = OgrCount(await Tools.RunAsync("ogrinfo", "-ro", "-so", "-al", "-spat", "104.04", "30.40", "104.06", "30.42", path));
        Assert.InRange(expected, 1, total - 1);

        var crs84 = await Matched(client, $"{Buildings}/items?filter={Uri.EscapeDataString("S_INTERSECTS(geometry, POLYGON((104.04 30.40, 104.06 30.40, 104.06 30.42, 104.04 30.42, 104.04 30.40)))")}");
        var bbox = await Matched(client, $"{Buildings}/items?filter={Uri.EscapeDataString("S_INTERSECTS(geometry, BBOX(104.04, 30.40, 104.06, 30.42))")}");
        var latLon = await Matched(client, $"{Buildings}/items?filter-crs=http://www.opengis.net/def/crs/EPSG/0/4490&filter={Uri.EscapeDataString("S_INTERSECTS(geometry, BBOX(30.40, 104.04, 30.42, 104.06))")}");
        var param = await Matched(client, $"{Buildings}/items?bbox=104.04,30.40,104.06,30.42");
        Assert.Equal(expected, crs84);
        Assert.Equal(expected, bbox);
        Assert.Equal(expected, latLon);
        Assert.Equal(expected, param);
    }

    private static async Task<(string Path, int Total)> DownloadAsync(HttpClient client, string collection)
    {
        var text = await client.GetStringAsync($"{collection}/items?limit=10000");
        var path = Path.Combine(TestServer.CreateFolder("ogc-filter"), "layer.geojson");
        await File.WriteAllTextAsync(path, text);
        using var doc = JsonDocument.Parse(text);
        return (path, doc.RootElement.GetProperty("numberMatched").GetInt32());
    }

    private static int OgrCount(string ogrinfo) => int.Parse(FeatureCount().Match(ogrinfo).Groups[1].Value, CultureInfo.InvariantCulture);

    private static async Task<int> Matched(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("numberMatched").GetInt32();
    }

    private static async Task<List<string>> Ids(HttpClient client, string path) =>
        (await client.GetFromJsonAsync<JsonElement>(path + (path.Contains('?') ? "&" : "?") + "limit=10000")).GetProperty("features").EnumerateArray()
        .Select(f => f.GetProperty("id").GetString()!).ToList();

    private static List<string> Coordinates(JsonElement collection)
    {
        var values = new List<string>();
        foreach (var f in collection.GetProperty("features").EnumerateArray())
            Walk(f.GetProperty("geometry"), values);
        return values;
    }

    private static void Walk(JsonElement e, List<string> values)
    {
        if (e.ValueKind == JsonValueKind.Number)
            values.Add(e.GetRawText());
        else if (e.ValueKind == JsonValueKind.Array)
            foreach (var x in e.EnumerateArray()) Walk(x, values);
        else if (e.ValueKind == JsonValueKind.Object)
            foreach (var p in e.EnumerateObject().Where(p => p.Name is "coordinates" or "geometries")) Walk(p.Value, values);
    }

    private static int FractionDigits(string number)
    {
        var mantissa = number.Split('E', 'e')[0];
        var dot = mantissa.IndexOf('.');
        return dot < 0 ? 0 : mantissa.Length - dot - 1;
    }

    [GeneratedRegex(@"Feature Count: (\d+)")]
    private static partial Regex FeatureCount();
}
