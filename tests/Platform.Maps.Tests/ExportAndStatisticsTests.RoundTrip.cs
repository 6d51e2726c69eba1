using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Maps.Tests.Support;
using Platform.Spatial;
using Platform.Testing;

namespace Platform.Maps.Tests;

/// <summary>Exports that round-trip: GeoPackage as GDAL writes one (R-tree, typed geometry, dates, fid), shapefiles whose long names come back.</summary>
public sealed partial class ExportAndStatisticsTests
{
    [Theory]
    [InlineData("jurisdiction-communities")]
    [InlineData("registers-facilities")]
    [InlineData("registers-sites")]
    public async Task GeoPackage_HasAnRtree_ATypedGeometryColumn_AndAnIntegerFidOnly(string layer)
    {
        var items = await Client.GetFromJsonAsync<JsonElement>($"/api/maps/export?layer={layer}&format=geojson&date=2026-01-01");
        var features = items.GetProperty("features").EnumerateArray().ToList();
        Assert.NotEmpty(features);
        var folder = TestServer.CreateFolder("gpkg");
        var path = Path.Combine(folder, $"{layer}.gpkg");
        await File.WriteAllBytesAsync(path, await Client.GetByteArrayAsync($"/api/maps/export?layer={layer}&format=geopackage&date=2026-01-01"));

        Assert.Equal("gpkg_rtree_index", (await Sqlite(path, $"SELECT extension_name FROM gpkg_extensions WHERE table_name = '{layer}' AND column_name = 'geom'")).Trim());
        Assert.Equal(features.Count.ToString(), (await Sqlite(path, $"SELECT count(*) FROM \"rtree_{layer}_geom\"")).Trim());
        // The declared type: the API's own types, single parts counted as their multi kind when both occur.
        var types = features.Select(f => f.GetProperty("geometry").GetProperty("type").GetString()!.ToUpperInvariant()).Distinct().ToList();
        var expected = types.Count == 1 ? types[0] : types.Select(t => t.StartsWith("MULTI", StringComparison.Ordinal) ? t : "MULTI" + t).Distinct().Single();
        Assert.Equal(expected, (await Sqlite(path, $"SELECT geometry_type_name FROM gpkg_geometry_columns WHERE table_name = '{layer}'")).Trim());

        var columns = (await Sqlite(path, $"SELECT name || '|' || type || '|' || pk FROM pragma_table_info('{layer}')")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("fid|INTEGER|1", columns);
        Assert.Single(columns, c => c.Split('|')[0].Equals("fid", StringComparison.OrdinalIgnoreCase));

        var info = await Tools.RunAsync("ogrinfo", "-ro", "-so", path, layer);
        Assert.Contains("FID Column = fid", info);
        Assert.Contains($"Geometry: {Regex.Replace(expected, "^MULTI", "Multi ").Replace("POLYGON", "Polygon").Replace("POINT", "Point").Replace("LINESTRING", "Line String")}", info);
        Assert.Contains("1", await Tools.RunAsync("ogrinfo", "-ro", "-q", path, "-sql", $"SELECT HasSpatialIndex('{layer}', 'geom')"));
        // GDAL copies it without a clash between the key and an attribute, and keeps every feature.
        var copy = Path.Combine(folder, $"{layer}-copy.gpkg");
        await Tools.RunAsync("ogr2ogr", "-f", "GPKG", copy, path);
        Assert.Contains($"Feature Count: {features.Count}", await Tools.RunAsync("ogrinfo", "-ro", "-so", copy, layer));
    }

    [Fact]
    public async Task GeoPackage_DatesAreDateColumns_WithTheApisIsoValues()
    {
        const string layer = "jurisdiction-communities";
        var items = await Client.GetFromJsonAsync<JsonElement>($"/api/maps/export?layer={layer}&format=geojson&date=2026-01-01");
        var dates = items.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("validFrom").GetString()!).Order().ToList();
        Assert.All(dates, d => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", d));
        var path = Path.Combine(TestServer.CreateFolder("gpkg-dates"), "c.gpkg");
        await File.WriteAllBytesAsync(path, await Client.GetByteArrayAsync($"/api/maps/export?layer={layer}&format=geopackage&date=2026-01-01"));

        Assert.Equal("DATE", (await Sqlite(path, $"SELECT type FROM pragma_table_info('{layer}') WHERE name = 'validFrom'")).Trim());
        Assert.Equal(dates, (await Sqlite(path, $"SELECT \"validFrom\" FROM \"{layer}\"")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Order().ToList());
        Assert.Matches(@"validFrom: Date \(", await Tools.RunAsync("ogrinfo", "-ro", "-so", path, layer));
    }

    [Fact]
    public async Task Shapefile_ShortNamesAreUniqueWithinTenBytes_Utf8_AndAReimportRestoresTheLongNames()
    {
        const string layer = "registers-sites";
        var items = await Client.GetFromJsonAsync<JsonElement>($"/api/maps/export?layer={layer}&format=geojson&date=2026-01-01");
        var features = items.GetProperty("features").EnumerateArray().ToList();
        Assert.NotEmpty(features);
        var longNames = features[0].GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains(longNames, n => Encoding.UTF8.GetByteCount(n) > 10);

        var zipBytes = await Client.GetByteArrayAsync($"/api/maps/export?layer={layer}&format=shapefile&date=2026-01-01");
        var folder = TestServer.CreateFolder("shp-names");
        using (var zip = new ZipArchive(new MemoryStream(zipBytes)))
            zip.ExtractToDirectory(folder);
        Assert.Equal("UTF-8", (await File.ReadAllTextAsync(Path.Combine(folder, $"{layer}.cpg"))).Trim());

        var info = await Tools.RunAsync("ogrinfo", "-ro", "-al", Path.Combine(folder, $"{layer}.shp"));
        var fields = Regex.Matches(info, @"^(\S+): (String|Integer|Integer64|Real|Date) \(", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(longNames.Count + 1, fields.Count); // and the platform's id
        Assert.All(fields, f => Assert.True(Encoding.UTF8.GetByteCount(f) <= 10, f));
        Assert.Equal(fields.Count, fields.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        // Chinese text as GDAL reads it through the .cpg equals the API's.
        foreach (var f in features)
            Assert.Contains($"name (String) = {f.GetProperty("properties").GetProperty("name").GetString()}\n", info);

        // The platform's import reads the long names back from the sidecar, with the values the API gave.
        var back = ShapefileZip.Import(new MemoryStream(zipBytes));
        Assert.Equal(features.Count, back.Features.Count);
        Assert.Equal(["id", .. longNames], back.FieldNames());
        var byId = back.Features.ToDictionary(r => (string)r.Attributes["id"]!);
        foreach (var f in features)
        {
            var record = byId[f.GetProperty("id").GetString()!];
            Assert.Equal(f.GetProperty("properties").GetProperty("name").GetString(), record.Attributes["name"]);
            Assert.Equal(f.GetProperty("properties").GetProperty("areaSquareMetres").GetDouble(), Convert.ToDouble(record.Attributes["areaSquareMetres"]), 3);
        }
    }

    private static Task<string> Sqlite(string path, string sql) => Tools.RunAsync("sqlite3", path, sql);
}
