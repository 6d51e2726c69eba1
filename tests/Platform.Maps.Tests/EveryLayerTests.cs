using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Maps.Tests.Support;
using Platform.Testing;

namespace Platform.Maps.Tests;

/// <summary>
/// Every layer of the catalogue, as <c>/ogc/collections</c> lists it (so a new layer is covered without a new test):
/// past dates answer on every surface, GDAL reads every feature with its geometry, and the export is RFC 7946 GeoJSON.
/// </summary>
[Collection(MapsHostCollection.Name)]
public sealed class EveryLayerTests(MapsHost host)
{
    private static readonly string[] PastDates = ["2025-06-01", "2020-01-01"];

    private async Task<IReadOnlyList<string>> CollectionsAsync(HttpClient client)
    {
        var collections = await client.GetFromJsonAsync<JsonElement>("/ogc/collections");
        var ids = collections.GetProperty("collections").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
        Assert.Contains("ecological-plots", ids);
        Assert.Contains("base-roads", ids);
        return ids;
    }

    [Fact]
    public async Task PastDates_OnEveryLayer_Answer200_ForItemsTilesExportAndPrint()
    {
        using var client = host.Process.CreateClient();
        var (z, x, y) = TileMath.TileOf(104.07, 30.40, 14);
        var failures = new List<string>();
        foreach (var id in await CollectionsAsync(client))
        {
            foreach (var date in PastDates)
            {
                foreach (var uri in new[]
                {
                    $"/ogc/collections/{id}/items?datetime={date}",
                    $"/tiles/{id}/{z}/{x}/{y}.mvt?date={date}",
                    $"/api/maps/export?layer={id}&format=geojson&date={date}",
                    $"/api/maps/export?layer={id}&format=csv&date={date}",
                    $"/api/maps/print?layers={id}&format=svg&date={date}",
                })
                {
                    using var response = await client.GetAsync(uri);
                    if (response.StatusCode != HttpStatusCode.OK)
                        failures.Add($"{uri} → {(int)response.StatusCode} {Shorten(await response.Content.ReadAsStringAsync())}");
                }
            }
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task EveryFeatureOfEveryLayer_ReadThroughGdal_HasAGeometry()
    {
        using var client = host.Process.CreateClient();
        var folder = TestServer.CreateFolder("every-layer-gdal");
        var counted = new List<string>();
        foreach (var id in await CollectionsAsync(client))
        {
            var items = await client.GetFromJsonAsync<JsonElement>($"/ogc/collections/{id}/items?limit=10000");
            var matched = items.GetProperty("numberMatched").GetInt32();
            var gpkg = Path.Combine(folder, $"{id}.gpkg");
            await Tools.RunAsync("ogr2ogr", "-f", "GPKG", gpkg, $"{host.Address}ogc/collections/{id}/items?limit=10000", "-nln", "features");
            var output = await Tools.RunAsync("ogrinfo", "-ro", "-dialect", "SQLite", "-sql",
                "SELECT COUNT(*) AS total, SUM(CASE WHEN geom IS NULL OR ST_IsEmpty(geom) THEN 1 ELSE 0 END) AS nulls FROM features", gpkg);
            var total = Field(output, "total");
            var nulls = matched == 0 ? 0 : Field(output, "nulls");
            counted.Add($"{id}: {total} of {matched}, {nulls} without geometry");
        }
        Assert.All(counted, line => Assert.Matches(@": (\d+) of \1, 0 without geometry$", line));
        Assert.Contains(counted, line => line.StartsWith("base-roads: ", StringComparison.Ordinal) && !line.StartsWith("base-roads: 0 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExportGeoJson_OfEveryLayer_IsRfc7946()
    {
        using var client = host.Process.CreateClient();
        var seven = new HashSet<string> { "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection" };
        var problems = new List<string>();
        foreach (var id in await CollectionsAsync(client))
        {
            var export = await client.GetFromJsonAsync<JsonElement>($"/api/maps/export?layer={id}&format=geojson");
            if (export.TryGetProperty("crs", out _))
                problems.Add($"{id}: a crs member (removed by RFC 7946 §4)");
            Assert.Equal("FeatureCollection", export.GetProperty("type").GetString());
            foreach (var feature in export.GetProperty("features").EnumerateArray())
                Check(feature.GetProperty("geometry"), $"{id}/{feature.GetProperty("id")}", seven, problems);
        }
        Assert.Empty(problems);
    }

    /// <summary>
    /// RFC 7946: the seven types (§1.4); a polygon's rings closed with at least four positions (§3.1.6, MUST); and the
    /// right-hand rule, exterior rings counter-clockwise and holes clockwise (§3.1.6: producers MUST follow it, parsers
    /// SHOULD NOT reject polygons that do not). The winding is the sign of the shoelace sum, computed here.
    /// </summary>
    private static void Check(JsonElement geometry, string where, HashSet<string> seven, List<string> problems)
    {
        if (geometry.ValueKind == JsonValueKind.Null)
        {
            problems.Add($"{where}: null geometry");
            return;
        }
        var type = geometry.GetProperty("type").GetString()!;
        if (!seven.Contains(type))
        {
            problems.Add($"{where}: type {type} is not a GeoJSON geometry type");
            return;
        }
        if (type == "GeometryCollection")
        {
            foreach (var member in geometry.GetProperty("geometries").EnumerateArray())
                Check(member, where, seven, problems);
            return;
        }
        var coordinates = geometry.GetProperty("coordinates");
        var polygons = type switch
        {
            "Polygon" => [coordinates],
            "MultiPolygon" => coordinates.EnumerateArray().ToList(),
            _ => new List<JsonElement>(),
        };
        foreach (var polygon in polygons)
        {
            var ring = 0;
            foreach (var positions in polygon.EnumerateArray())
            {
                var points = positions.EnumerateArray().Select(p => (X: p[0].GetDouble(), Y: p[1].GetDouble())).ToList();
                if (points.Count < 4 || points[0] != points[^1])
                    problems.Add($"{where}: ring {ring} has {points.Count} positions or is not closed");
                var twiceArea = 0.0;
                for (var i = 0; i + 1 < points.Count; i++)
                    twiceArea += points[i].X * points[i + 1].Y - points[i + 1].X * points[i].Y;
                if (ring == 0 ? twiceArea <= 0 : twiceArea >= 0)
                    problems.Add($"{where}: ring {ring} is wound {(twiceArea > 0 ? "counter-clockwise" : "clockwise")}");
                ring++;
            }
        }
    }

    private static int Field(string ogrinfo, string name)
    {
        var line = ogrinfo.Split('\n').First(l => l.TrimStart().StartsWith(name + " (", StringComparison.Ordinal));
        return int.Parse(line[(line.IndexOf('=') + 1)..].Trim(), CultureInfo.InvariantCulture);
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300];
}
