using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using Platform.Maps.Tests.Support;
using Platform.Testing;

namespace Platform.Maps.Tests;

/// <summary>
/// OGC API – Tiles, TileJSON and the MapLibre style, read by the real clients (GDAL's MVT driver, QGIS headless,
/// the MapLibre style-spec validator), and the host's compression and conditional GETs, over TCP.
/// </summary>
[Collection(MapsHostCollection.Name)]
public sealed partial class OgcTilesTests(MapsHost host)
{
    private const string Combined = "/ogc/tiles/WebMercatorQuad";

    [Fact]
    public async Task Ogrinfo_ReadsATileOfEveryTilesPath_WithTheFeaturesTheItemsOfThatAreaHold()
    {
        using var client = host.Process.CreateClient();
        var ids = await CollectionIdsAsync(client);
        var community = (await client.GetFromJsonAsync<JsonElement>("/ogc/collections/jurisdiction-communities/items")).GetProperty("features")[0];
        var (lon, lat) = OgcFeaturesTests.InsidePoint(community);
        var (z, x, y) = TileMath.TileOf(lon, lat, 14);
        // The tiles hold what reaches into the tile plus a buffer of 1/16 of its width on each side.
        var (w, s, e, n) = TileMath.Bounds(z, x, y);
        var (bx, by) = ((e - w) / 16, (n - s) / 16);
        var bbox = string.Create(CultureInfo.InvariantCulture, $"{w - bx},{s - by},{e + bx},{n + by}");
        var expected = new Dictionary<string, int>();
        foreach (var id in ids)
            expected[id] = (await client.GetFromJsonAsync<JsonElement>($"/ogc/collections/{id}/items?bbox={bbox}&limit=10000")).GetProperty("numberMatched").GetInt32();
        Assert.True(expected.Count(c => c.Value > 0) >= 3, "the tile should hold several layers");

        var combined = Counts(await OgrinfoAsync(client, $"{Combined}/{z}/{y}/{x}", z, x, y));
        foreach (var id in ids)
        {
            Assert.Equal((id, expected[id]), (id, combined.GetValueOrDefault(id)));
            var single = Counts(await OgrinfoAsync(client, $"/ogc/collections/{id}/tiles/WebMercatorQuad/{z}/{y}/{x}", z, x, y));
            Assert.Equal((id, expected[id]), (id, single.GetValueOrDefault(id)));
            Assert.DoesNotContain(single.Keys, k => k != id && k != id + "-labels");
        }
    }

    [Fact]
    public async Task CommunityLabels_AreOnePointPerCommunity_InsideIt_OverAllTheTilesOfTheStreet()
    {
        using var client = host.Process.CreateClient();
        var communities = await client.GetFromJsonAsync<JsonElement>("/ogc/collections/jurisdiction-communities/items?limit=10000");
        var b = (await client.GetFromJsonAsync<JsonElement>("/ogc/collections/jurisdiction-communities")).GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0]
            .EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var (z, x0, y0) = TileMath.TileOf(b[0], b[3], 14);
        var (_, x1, y1) = TileMath.TileOf(b[2], b[1], 14);
        var labels = new List<(string Id, double Lon, double Lat)>();
        var polygonTiles = new Dictionary<string, int>();
        for (var x = x0; x <= x1; x++)
        {
            for (var y = y0; y <= y1; y++)
            {
                var bytes = await client.GetByteArrayAsync($"{Combined}/{z}/{y}/{x}");
                var tile = new MapboxTileReader().Read(new MemoryStream(bytes), new NetTopologySuite.IO.VectorTiles.Tiles.Tile(x, y, z));
                foreach (var f in tile.Layers.Where(l => l.Name == "jurisdiction-communities-labels").SelectMany(l => l.Features))
                    labels.Add(((string)f.Attributes["fid"], f.Geometry.Coordinate.X, f.Geometry.Coordinate.Y));
                foreach (var f in tile.Layers.Where(l => l.Name == "jurisdiction-communities").SelectMany(l => l.Features))
                    polygonTiles[(string)f.Attributes["fid"]] = polygonTiles.GetValueOrDefault((string)f.Attributes["fid"]) + 1;
            }
        }
        var expectedIds = communities.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).Order().ToList();
        Assert.Equal(expectedIds, labels.Select(l => l.Id).Order().ToList());
        Assert.Contains(polygonTiles.Values, count => count > 1);
        foreach (var (id, lon, lat) in labels)
        {
            var box = string.Create(CultureInfo.InvariantCulture, $"{lon - 0.00002},{lat - 0.00002},{lon + 0.00002},{lat + 0.00002}");
            var around = await client.GetFromJsonAsync<JsonElement>($"/ogc/collections/jurisdiction-communities/items?bbox={box}");
            Assert.Contains(around.GetProperty("features").EnumerateArray(), f => f.GetProperty("id").GetString() == id);
        }
    }

    [Fact]
    public async Task Qgis_AddsTheCombinedTileset_AndDrawsEveryCollectionThatHasFeatures()
    {
        using var client = host.Process.CreateClient();
        var ids = await CollectionIdsAsync(client);
        var counts = new Dictionary<string, int>();
        foreach (var id in ids)
            counts[id] = (await client.GetFromJsonAsync<JsonElement>($"/ogc/collections/{id}/items?limit=1")).GetProperty("numberMatched").GetInt32();

        var script = Path.Combine(AppContext.BaseDirectory, "Clients", "qgis_vector_tiles.py");
        var output = await Tools.RunWithEnvironmentAsync("/usr/bin/python3", new Dictionary<string, string> { ["QT_QPA_PLATFORM"] = "offscreen" },
            [script, host.Address.ToString(), .. ids, "no-such-layer"]);
        var result = JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;

        Assert.True(result.GetProperty("valid").GetBoolean(), output);
        Assert.Equal(16, result.GetProperty("zmax").GetInt32());
        var red = result.GetProperty("red");
        foreach (var id in ids)
            Assert.Equal((id, counts[id] > 0), (id, red.GetProperty(id).GetInt32() > 0));
        Assert.Equal(0, red.GetProperty("no-such-layer").GetInt32());
        Assert.True(result.GetProperty("styleConverted").GetBoolean(), output);
        Assert.Empty(result.GetProperty("styleWarnings").EnumerateArray());
        var styled = result.GetProperty("styleLayers").EnumerateArray().Select(v => v.GetString()).ToHashSet();
        Assert.All(ids, id => Assert.Contains(id, styled));
        Assert.True(result.GetProperty("styledNonWhite").GetInt32() > 0);
    }

    [Fact]
    public async Task TileJson_HasTheCollectionsExtents_AndEveryLayerWithItsFields()
    {
        using var client = host.Process.CreateClient();
        var ids = await CollectionIdsAsync(client);
        var extents = new Dictionary<string, double[]>();
        foreach (var id in ids)
        {
            var bbox = (await client.GetFromJsonAsync<JsonElement>($"/ogc/collections/{id}")).GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0];
            extents[id] = bbox.EnumerateArray().Select(v => v.GetDouble()).ToArray();
        }
        var union = new[] { extents.Values.Min(v => v[0]), extents.Values.Min(v => v[1]), extents.Values.Max(v => v[2]), extents.Values.Max(v => v[3]) };

        var all = await client.GetFromJsonAsync<JsonElement>($"{Combined}/tilejson");
        AssertTileJson(all, union, $"{Combined}/{{z}}/{{y}}/{{x}}");
        var layers = all.GetProperty("vector_layers").EnumerateArray().ToDictionary(l => l.GetProperty("id").GetString()!);
        Assert.All(ids, id => Assert.Contains("fid", layers[id].GetProperty("fields").EnumerateObject().Select(p => p.Name)));
        Assert.Contains("name", layers["jurisdiction-communities-labels"].GetProperty("fields").EnumerateObject().Select(p => p.Name));

        var one = await client.GetFromJsonAsync<JsonElement>("/ogc/collections/jurisdiction-communities/tiles/WebMercatorQuad/tilejson");
        AssertTileJson(one, extents["jurisdiction-communities"], "/ogc/collections/jurisdiction-communities/tiles/WebMercatorQuad/{z}/{y}/{x}");

        // The OGC documents lead from the tileset list to the tile template and to the tile matrix set.
        var list = await client.GetFromJsonAsync<JsonElement>("/ogc/collections/jurisdiction-communities/tiles");
        var links = list.GetProperty("tilesets")[0].GetProperty("links").EnumerateArray().ToList();
        Assert.Contains(links, l => l.GetProperty("rel").GetString() == "item" && l.GetProperty("href").GetString()!.EndsWith("/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}"));
        var scheme = links.Single(l => l.GetProperty("rel").GetString() == "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme").GetProperty("href").GetString()!;
        var tms = await client.GetFromJsonAsync<JsonElement>(scheme);
        var z14 = tms.GetProperty("tileMatrices")[14];
        // 2πR / 256 / 2^14 with R = 6378137 m, written out independently of the code.
        Assert.Equal(2 * Math.PI * 6378137 / 256 / (1 << 14), z14.GetProperty("cellSize").GetDouble(), 6);
        Assert.Equal(1 << 14, z14.GetProperty("matrixWidth").GetInt32());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/ogc/collections/no-such/tiles")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/ogc/tiles/WorldCRS84Quad/0/0/0")).StatusCode);
        var badRow = await client.GetAsync($"{Combined}/2/4/0");
        Assert.Equal(HttpStatusCode.BadRequest, badRow.StatusCode);
        Assert.Contains("tileRow", await badRow.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Style_PassesTheMapLibreValidator_AndDrawsTheLegendsColours()
    {
        using var client = host.Process.CreateClient();
        var styleText = await client.GetStringAsync("/api/maps/style.json");
        Assert.Equal(styleText, await client.GetStringAsync("/ogc/styles/web-map/style.json"));
        var validator = Path.Combine(Repository.Root, "maps", "web", "node_modules", "@maplibre", "maplibre-gl-style-spec", "dist", "gl-style-validate.mjs");
        var dir = TestServer.CreateFolder("style");
        var good = Path.Combine(dir, "style.json");
        await File.WriteAllTextAsync(good, styleText);
        Assert.Equal("", (await Tools.RunAsync("node", [validator, good])).Trim());
        // The validator can fail: a line width given as text is refused.
        var bad = Path.Combine(dir, "bad-width.json");
        await File.WriteAllTextAsync(bad, Regex.Replace(styleText, "\"line-width\":[0-9.]+", "\"line-width\":\"wide\""));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Tools.RunAsync("node", [validator, bad]));

        var style = JsonDocument.Parse(styleText).RootElement;
        // The spec requires glyphs once a layer has text-field; the validator does not check it.
        Assert.Contains(style.GetProperty("layers").EnumerateArray(), l => l.TryGetProperty("layout", out var layout) && layout.TryGetProperty("text-field", out _));
        Assert.Matches(@"\{fontstack\}.*\{range\}", style.GetProperty("glyphs").GetString());
        var layers = style.GetProperty("layers").EnumerateArray().ToList();
        var descriptors = await client.GetFromJsonAsync<JsonElement>("/api/layers");
        var communities = descriptors.EnumerateArray().Single(d => d.GetProperty("id").GetString() == "jurisdiction-communities");
        var fill = layers.Single(l => l.GetProperty("id").GetString() == "jurisdiction-communities").GetProperty("paint").GetProperty("fill-color").GetRawText();
        foreach (var entry in communities.GetProperty("style").GetProperty("legend").EnumerateArray())
        {
            // #rrggbb at the web map's 0.8 opacity, converted by hand.
            var hex = entry.GetProperty("color").GetString()!.TrimStart('#');
            var rgba = string.Create(CultureInfo.InvariantCulture, $"rgba({Convert.ToInt32(hex[..2], 16)},{Convert.ToInt32(hex[2..4], 16)},{Convert.ToInt32(hex[4..6], 16)},{(hex.Length == 8 ? Math.Round(Convert.ToInt32(hex[6..], 16) / 255.0, 3) : 0.8)})");
            Assert.Contains($"\"{entry.GetProperty("value").GetString()}\",\"{rgba}\"", fill.Replace(" ", ""));
        }
        var label = layers.Single(l => l.GetProperty("id").GetString() == "jurisdiction-communities-label");
        Assert.Equal("jurisdiction-communities-labels", label.GetProperty("source-layer").GetString());
        var pointLabel = layers.Single(l => l.GetProperty("id").GetString() == "registers-hubs-label");
        Assert.True(pointLabel.GetProperty("layout").GetProperty("text-radial-offset").GetDouble() > 0);

        var glyphs = await client.GetAsync("/api/maps/fonts/Noto%20Sans%20CJK%20SC%20Regular/0-255.pbf");
        Assert.Equal(HttpStatusCode.OK, glyphs.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/maps/fonts/x/3-7.pbf")).StatusCode);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task Answers_AreCompressed_AndDecompressToTheSameBytes(string encoding)
    {
        using var client = host.Process.CreateClient();
        var script = MainScript().Match(await client.GetStringAsync("/")).Value;
        var paths = new[] { script, "/", "/api/maps/style.json", $"{Combined}/tilejson", "/ogc/collections/jurisdiction-communities/items", await CommunityTileAsync(client) };
        foreach (var path in paths)
        {
            var identity = await client.GetByteArrayAsync(path);
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
            using var response = await client.SendAsync(request);
            Assert.Equal((path, encoding), (path, response.Content.Headers.ContentEncoding.SingleOrDefault()));
            var compressed = await response.Content.ReadAsByteArrayAsync();
            Assert.True(compressed.Length < identity.Length, $"{path}: {compressed.Length} ≥ {identity.Length}");
            using Stream decoder = encoding == "gzip" ? new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress) : new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            await decoder.CopyToAsync(plain);
            Assert.Equal(identity, plain.ToArray());
            Assert.True(response.Headers.ETag is null || response.Headers.ETag.IsWeak, $"{path}: a content-coded answer's ETag is weak");
        }
        Assert.True((await client.GetByteArrayAsync(script)).Length > 100_000, "the main script is the big one");
    }

    [Fact]
    public async Task SignIn_IsNeverCompressed()
    {
        using var client = host.Process.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { username = "nobody", password = "wrong" }) };
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, br");
        using var response = await client.SendAsync(request);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task WeakAndListIfNoneMatch_AreAnswered304_OnTilesStylesTileJsonAndWebFiles()
    {
        using var client = host.Process.CreateClient();
        var script = MainScript().Match(await client.GetStringAsync("/")).Value;
        var paths = new[] { await CommunityTileAsync(client), "/tiles/jurisdiction-communities/14/0/0.mvt", "/api/maps/style.json", $"{Combined}/tilejson",
            "/ogc/collections/jurisdiction-communities/tiles/WebMercatorQuad", "/", script };
        foreach (var path in paths)
        {
            var first = await client.GetAsync(path);
            var tag = first.Headers.ETag!.Tag;
            Assert.Equal((path, HttpStatusCode.NotModified), (path, await ConditionalAsync(client, path, $"W/\"not-it\", W/{tag}")));
            Assert.Equal((path, HttpStatusCode.NotModified), (path, await ConditionalAsync(client, path, $"\"a\",{tag} , \"b\"")));
            Assert.Equal((path, HttpStatusCode.NotModified), (path, await ConditionalAsync(client, path, "*")));
            Assert.Equal((path, HttpStatusCode.OK), (path, await ConditionalAsync(client, path, "W/\"not-it\", \"nor-this\"")));
        }
    }

    private static async Task<HttpStatusCode> ConditionalAsync(HttpClient client, string path, string ifNoneMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<string> CommunityTileAsync(HttpClient client)
    {
        var community = (await client.GetFromJsonAsync<JsonElement>("/ogc/collections/jurisdiction-communities/items")).GetProperty("features")[0];
        var (lon, lat) = OgcFeaturesTests.InsidePoint(community);
        var (z, x, y) = TileMath.TileOf(lon, lat, 13);
        return $"{Combined}/{z}/{y}/{x}";
    }

    private static void AssertTileJson(JsonElement tileJson, double[] extent, string templateEnd)
    {
        Assert.Equal("3.0.0", tileJson.GetProperty("tilejson").GetString());
        Assert.EndsWith(templateEnd, tileJson.GetProperty("tiles")[0].GetString());
        var bounds = tileJson.GetProperty("bounds").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        for (var i = 0; i < 4; i++)
            Assert.Equal(extent[i], bounds[i], 5);
        var center = tileJson.GetProperty("center").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.InRange(center[0], bounds[0], bounds[2]);
        Assert.InRange(center[1], bounds[1], bounds[3]);
        Assert.InRange(center[2], tileJson.GetProperty("minzoom").GetInt32(), tileJson.GetProperty("maxzoom").GetInt32());
    }

    private static async Task<List<string>> CollectionIdsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/ogc/collections")).GetProperty("collections").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();

    private static async Task<string> OgrinfoAsync(HttpClient client, string path, int z, int x, int y)
    {
        var dir = Path.Combine(TestServer.CreateFolder("ogc-mvt"), z.ToString(CultureInfo.InvariantCulture), x.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, $"{y}.pbf");
        var response = await client.GetAsync(path);
        Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType?.MediaType);
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        if (new FileInfo(file).Length == 0)
            return "";
        return await Tools.RunAsync("ogrinfo", "-ro", "-al", "-so", $"MVT:{file}");
    }

    /// <summary>ogrinfo -so's "Layer name: X" … "Feature Count: N" pairs.</summary>
    private static Dictionary<string, int> Counts(string ogrinfo) =>
        LayerSummary().Matches(ogrinfo).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"Layer name: (\S+)[\s\S]*?Feature Count: (\d+)")]
    private static partial Regex LayerSummary();

    [GeneratedRegex(@"/assets/main-[^""]+\.js")]
    private static partial Regex MainScript();
}
