using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Maps.Tests.Support;
using Platform.Testing;

namespace Platform.Maps.Tests;

/// <summary>OGC API – Features Part 1 and 2 against the real host with the demo data.</summary>
public sealed class OgcFeaturesTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private const string Communities = "/ogc/collections/jurisdiction-communities";

    private HttpClient Client => fixture.Factory.CreateClient();

    [Fact]
    public async Task LandingPage_LinksConformanceAndCollections()
    {
        var landing = await Client.GetFromJsonAsync<JsonElement>("/ogc");
        var rels = landing.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("rel").GetString()).ToList();
        Assert.Contains("conformance", rels);
        Assert.Contains("data", rels);

        var conformance = await Client.GetFromJsonAsync<JsonElement>("/ogc/conformance");
        var classes = conformance.GetProperty("conformsTo").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs", classes);
    }

    [Fact]
    public async Task Collections_AreTheLayerCatalogue_WithCrsListAndStorageCrs()
    {
        var layers = await Client.GetFromJsonAsync<JsonElement>("/api/layers");
        var collections = await Client.GetFromJsonAsync<JsonElement>("/ogc/collections");
        var ids = collections.GetProperty("collections").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Equal(layers.EnumerateArray().Select(l => l.GetProperty("id").GetString()).Order(), ids.Order());

        var one = await Client.GetFromJsonAsync<JsonElement>(Communities);
        var crs = one.GetProperty("crs").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("http://www.opengis.net/def/crs/OGC/1.3/CRS84", crs);
        Assert.Contains("http://www.opengis.net/def/crs/EPSG/0/4490", crs);
        Assert.Contains("http://www.opengis.net/def/crs/EPSG/0/4544", crs);
        Assert.Contains("http://www.opengis.net/def/crs/EPSG/0/3857", crs);
        Assert.Equal("http://www.opengis.net/def/crs/EPSG/0/4490", one.GetProperty("storageCrs").GetString());
        var bbox = one.GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0].EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.InRange(bbox[0], 103.5, 104.5);
        Assert.InRange(bbox[1], 30, 31);
    }

    [Fact]
    public async Task Items_PageWithNextLinks_UntilEveryFeatureWasReturnedOnce()
    {
        var all = await Client.GetFromJsonAsync<JsonElement>($"{Communities}/items");
        var total = all.GetProperty("numberMatched").GetInt32();
        Assert.True(total >= 3, $"only {total} communities");

        var seen = new List<string>();
        string? next = $"{Communities}/items?limit=2";
        var pages = 0;
        while (next is not null)
        {
            var response = await Client.GetAsync(next);
            Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(page.GetProperty("numberReturned").GetInt32() <= 2);
            seen.AddRange(page.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!));
            next = page.GetProperty("links").EnumerateArray().Where(l => l.GetProperty("rel").GetString() == "next")
                .Select(l => new Uri(l.GetProperty("href").GetString()!).PathAndQuery).FirstOrDefault();
            Assert.True(++pages <= total, "paging does not end");
        }
        Assert.Equal(total, seen.Count);
        Assert.Equal(total, seen.Distinct().Count());
    }

    [Fact]
    public async Task Datetime_AnswersAsOfTheDate_13UnitsBeforeTheReformAnd7After()
    {
        var before = await Client.GetFromJsonAsync<JsonElement>($"{Communities}/items?datetime=2020-06-29");
        var after = await Client.GetFromJsonAsync<JsonElement>($"{Communities}/items?datetime=2020-07-01T08:00:00Z");
        Assert.Equal(13, before.GetProperty("numberMatched").GetInt32());
        Assert.Equal(7, after.GetProperty("numberMatched").GetInt32());
    }

    [Fact]
    public async Task PropertyFilterAndBbox_SelectTheFeature_AndUnknownParametersAreRefused()
    {
        var all = await Client.GetFromJsonAsync<JsonElement>($"{Communities}/items");
        var first = all.GetProperty("features")[0];
        var name = first.GetProperty("properties").GetProperty("name").GetString()!;

        var filtered = await Client.GetFromJsonAsync<JsonElement>($"{Communities}/items?name={Uri.EscapeDataString(name)}");
        Assert.Equal(1, filtered.GetProperty("numberMatched").GetInt32());
        Assert.Equal(first.GetProperty("id").GetString(), filtered.GetProperty("features")[0].GetProperty("id").GetString());

        var (lon, lat) = InsidePoint(first);
        var box = string.Create(CultureInfo.InvariantCulture, $"{lon - 0.0005},{lat - 0.0005},{lon + 0.0005},{lat + 0.0005}");
        var boxed = await Client.GetFromJsonAsync<JsonElement>($"{Communities}/items?bbox={box}");
        Assert.Contains(boxed.GetProperty("features").EnumerateArray(), f => f.GetProperty("id").GetString() == first.GetProperty("id").GetString());
        Assert.True(boxed.GetProperty("numberMatched").GetInt32() < all.GetProperty("numberMatched").GetInt32());

        var far = await Client.GetFromJsonAsync<JsonElement>($"{Communities}/items?bbox=100,20,100.1,20.1");
        Assert.Equal(0, far.GetProperty("numberMatched").GetInt32());

        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync($"{Communities}/items?nmae=x")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync($"{Communities}/items?crs=EPSG:2000")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/ogc/collections/no-such-layer/items")).StatusCode);
    }

    [Fact]
    public async Task Crs4544_AgreesWithCs2cs_WithinAMillimetre_NorthingFirst()
    {
        var lonLat = await Client.GetFromJsonAsync<JsonElement>($"{Communities}/items?limit=1");
        var id = lonLat.GetProperty("features")[0].GetProperty("id").GetString();
        var response = await Client.GetAsync($"{Communities}/items/{id}?crs=http://www.opengis.net/def/crs/EPSG/0/4544");
        Assert.Equal("<http://www.opengis.net/def/crs/EPSG/0/4544>", response.Headers.GetValues("Content-Crs").Single());
        var gk = await response.Content.ReadFromJsonAsync<JsonElement>();

        var lonLatRing = Ring(lonLat.GetProperty("features")[0]);
        var gkRing = Ring(gk);
        Assert.Equal(lonLatRing.Count, gkRing.Count);
        for (var i = 0; i < Math.Min(5, lonLatRing.Count); i++)
        {
            var (north, east) = await Tools.Cs2csTo4544Async(lonLatRing[i][0], lonLatRing[i][1]);
            Assert.True(Math.Abs(gkRing[i][0] - north) < 0.001, $"northing {gkRing[i][0]} vs cs2cs {north}");
            Assert.True(Math.Abs(gkRing[i][1] - east) < 0.001, $"easting {gkRing[i][1]} vs cs2cs {east}");
        }
    }

    [Fact]
    public async Task Crs4490_IsLatLon_AndBboxCrs4544_SelectsLikeCrs84()
    {
        var crs84 = await Client.GetFromJsonAsync<JsonElement>($"{Communities}/items?limit=1");
        var id = crs84.GetProperty("features")[0].GetProperty("id").GetString();
        var latLon = await Client.GetFromJsonAsync<JsonElement>($"{Communities}/items/{id}?crs=http://www.opengis.net/def/crs/EPSG/0/4490");
        var a = Ring(crs84.GetProperty("features")[0])[0];
        var b = Ring(latLon)[0];
        Assert.Equal(a[0], b[1], 9);
        Assert.Equal(a[1], b[0], 9);

        var (lon, lat) = InsidePoint(crs84.GetProperty("features")[0]);
        var (north, east) = await Tools.Cs2csTo4544Async(lon, lat);
        var box = string.Create(CultureInfo.InvariantCulture, $"{north - 20},{east - 20},{north + 20},{east + 20}");
        var selected = await Client.GetFromJsonAsync<JsonElement>(
            $"{Communities}/items?bbox={box}&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4544");
        Assert.Contains(selected.GetProperty("features").EnumerateArray(), f => f.GetProperty("id").GetString() == id);
    }

    private static List<double[]> Ring(JsonElement feature)
    {
        var g = feature.GetProperty("geometry");
        var coordinates = g.GetProperty("coordinates");
        var ring = g.GetProperty("type").GetString() == "MultiPolygon" ? coordinates[0][0] : coordinates[0];
        return ring.EnumerateArray().Select(p => new[] { p[0].GetDouble(), p[1].GetDouble() }).ToList();
    }

    /// <summary>NetTopologySuite's interior point of the feature's first polygon (lon, lat).</summary>
    internal static (double Lon, double Lat) InsidePoint(JsonElement feature)
    {
        var ring = Ring(feature).Select(p => new NetTopologySuite.Geometries.Coordinate(p[0], p[1])).ToArray();
        var point = new NetTopologySuite.Geometries.GeometryFactory().CreatePolygon(ring).InteriorPoint;
        return (point.X, point.Y);
    }
}
