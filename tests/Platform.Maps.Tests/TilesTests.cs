using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using Platform.Abstractions.Maps;
using Platform.Testing;

namespace Platform.Maps.Tests;

/// <summary>Vector tiles: content, caching with ETags, invalidation on change, and the date.</summary>
public sealed class TilesTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private HttpClient Client => fixture.Factory.CreateClient();

    [Fact]
    public async Task Tile_HoldsTheCommunitiesItCovers_AndIsCachedUntilTheStoreChanges()
    {
        var items = await Client.GetFromJsonAsync<JsonElement>("/ogc/collections/jurisdiction-communities/items");
        var feature = items.GetProperty("features")[0];
        var name = feature.GetProperty("properties").GetProperty("name").GetString();
        var (lon, lat) = OgcFeaturesTests.InsidePoint(feature);
        var (z, x, y) = TileMath.TileOf(lon, lat, 14);

        var url = $"/tiles/jurisdiction-communities/{z}/{x}/{y}.mvt";
        var first = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/vnd.mapbox-vector-tile", first.Content.Headers.ContentType?.MediaType);
        var body = await first.Content.ReadAsByteArrayAsync();
        var tile = new MapboxTileReader().Read(new MemoryStream(body), new NetTopologySuite.IO.VectorTiles.Tiles.Tile(x, y, z));
        // The communities, and their label points where one falls in this tile.
        Assert.All(tile.Layers, l => Assert.StartsWith("jurisdiction-communities", l.Name));
        var layer = tile.Layers.Single(l => l.Name == "jurisdiction-communities");
        Assert.Contains(layer.Features, f => (string?)f.Attributes["name"] == name);
        Assert.Contains(layer.Features, f => f.Geometry.Contains(new NetTopologySuite.Geometries.Point(lon, lat)));

        var second = await Client.GetAsync(url);
        Assert.Equal("hit", second.Headers.GetValues("X-Tile-Cache").Single());
        Assert.Equal(body, await second.Content.ReadAsByteArrayAsync());

        var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NotModified, (await Client.SendAsync(conditional)).StatusCode);

        fixture.Factory.Service<ChangeNotifier>().Changed();
        Assert.Equal("miss", (await Client.GetAsync(url)).Headers.GetValues("X-Tile-Cache").Single());
    }

    [Fact]
    public async Task TilesOfTheStreet_ShowThirteenUnitsBeforeTheReform_AndSevenAfter()
    {
        var before = await DistinctFeaturesAsync("2020-06-29");
        var after = await DistinctFeaturesAsync("2020-07-01");
        var ogcBefore = (await Client.GetFromJsonAsync<JsonElement>("/ogc/collections/jurisdiction-communities/items?datetime=2020-06-29")).GetProperty("numberMatched").GetInt32();
        var ogcAfter = (await Client.GetFromJsonAsync<JsonElement>("/ogc/collections/jurisdiction-communities/items?datetime=2020-07-01")).GetProperty("numberMatched").GetInt32();
        Assert.Equal(ogcBefore, before);
        Assert.Equal(ogcAfter, after);
        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task TileJsonAndErrors()
    {
        var tileJson = await Client.GetFromJsonAsync<JsonElement>("/tiles/jurisdiction-communities.json");
        Assert.EndsWith("/tiles/jurisdiction-communities/{z}/{x}/{y}.mvt", tileJson.GetProperty("tiles")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/tiles/no-such/1/0/0.mvt")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/tiles/jurisdiction-communities/2/9/0.mvt")).StatusCode);
    }

    /// <summary>Distinct feature ids over the z12 tiles covering the street.</summary>
    private async Task<int> DistinctFeaturesAsync(string date)
    {
        var street = await Client.GetFromJsonAsync<JsonElement>("/ogc/collections/jurisdiction-street");
        var b = street.GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0].EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var (z, x0, y0) = TileMath.TileOf(b[0], b[3], 12);
        var (_, x1, y1) = TileMath.TileOf(b[2], b[1], 12);
        var ids = new HashSet<string>();
        for (var x = x0; x <= x1; x++)
        {
            for (var y = y0; y <= y1; y++)
            {
                var bytes = await Client.GetByteArrayAsync($"/tiles/jurisdiction-communities/{z}/{x}/{y}.mvt?date={date}");
                var tile = new MapboxTileReader().Read(new MemoryStream(bytes), new NetTopologySuite.IO.VectorTiles.Tiles.Tile(x, y, z));
                foreach (var f in tile.Layers.SelectMany(l => l.Features))
                    ids.Add((string)f.Attributes["fid"]);
            }
        }
        return ids.Count;
    }
}

/// <summary>The slippy-map tile grid, written out from its definition (not taken from the code under test).</summary>
internal static class TileMath
{
    public static (int Z, int X, int Y) TileOf(double lon, double lat, int z)
    {
        var n = Math.Pow(2, z);
        var x = (int)Math.Floor((lon + 180) / 360 * n);
        var rad = lat * Math.PI / 180;
        var y = (int)Math.Floor((1 - Math.Log(Math.Tan(rad) + 1 / Math.Cos(rad)) / Math.PI) / 2 * n);
        return (z, x, y);
    }

    public static (double West, double South, double East, double North) Bounds(int z, int x, int y)
    {
        var n = Math.Pow(2, z);
        static double Lat(double t) => Math.Atan(Math.Sinh(Math.PI * (1 - 2 * t))) * 180 / Math.PI;
        return (x / n * 360 - 180, Lat((y + 1) / n), (x + 1) / n * 360 - 180, Lat(y / n));
    }
}
