using System.Net.Http.Json;
using System.Text.Json;
using Platform.Maps.Tests.Support;
using Platform.Testing;

namespace Platform.Maps.Tests;

/// <summary>GDAL (apt gdal-bin), an independent GIS client, reads the OGC API and the vector tiles.</summary>
[Collection(MapsHostCollection.Name)]
public sealed class GdalTests(MapsHost host)
{
    [Fact]
    public async Task Ogrinfo_ListsTheCollections_AndReadsTheCommunities()
    {
        using var client = host.Process.CreateClient();
        var collections = await client.GetFromJsonAsync<JsonElement>("/ogc/collections");
        var items = await client.GetFromJsonAsync<JsonElement>("/ogc/collections/jurisdiction-communities/items");
        var source = $"OAPIF:{host.Address}ogc";

        var listing = await Tools.RunAsync("ogrinfo", "-ro", "-so", source);
        foreach (var c in collections.GetProperty("collections").EnumerateArray())
            Assert.Contains(c.GetProperty("id").GetString()!, listing);

        var features = await Tools.RunAsync("ogrinfo", "-ro", "-al", "-geom=SUMMARY", source, "jurisdiction-communities");
        Assert.Contains($"Feature Count: {items.GetProperty("numberMatched").GetInt32()}", features);
        foreach (var f in items.GetProperty("features").EnumerateArray())
            Assert.Contains(f.GetProperty("properties").GetProperty("name").GetString()!, features);
        Assert.Contains("POLYGON", features);
    }

    [Fact]
    public async Task OgrinfoMvt_ReadsTheTile_WithTheCommunitiesItCovers()
    {
        using var client = host.Process.CreateClient();
        var items = await client.GetFromJsonAsync<JsonElement>("/ogc/collections/jurisdiction-communities/items");
        var feature = items.GetProperty("features")[0];
        var (lon, lat) = OgcFeaturesTests.InsidePoint(feature);
        var (z, x, y) = TileMath.TileOf(lon, lat, 14);
        var (w, s, e, n) = TileMath.Bounds(z, x, y);
        var inTile = await client.GetFromJsonAsync<JsonElement>(FormattableString.Invariant(
            $"/ogc/collections/jurisdiction-communities/items?bbox={w},{s},{e},{n}"));

        var dir = Path.Combine(TestServer.CreateFolder("mvt"), z.ToString(), x.ToString());
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"{y}.pbf");
        await File.WriteAllBytesAsync(path, await client.GetByteArrayAsync($"/tiles/jurisdiction-communities/{z}/{x}/{y}.mvt"));

        var output = await Tools.RunAsync("ogrinfo", "-ro", "-al", $"MVT:{path}");
        Assert.Contains("Layer name: jurisdiction-communities", output);
        Assert.Contains(feature.GetProperty("properties").GetProperty("name").GetString()!, output);
        foreach (var f in inTile.GetProperty("features").EnumerateArray())
            Assert.Contains(f.GetProperty("properties").GetProperty("name").GetString()!, output);
    }
}
