using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Host.Tests.Registers;

/// <summary>Roads as a register: imported from GIS files, with their class and length (checked with PROJ's geod).</summary>
public sealed class RoadTests(EmptyPlatformFixture fixture) : IClassFixture<EmptyPlatformFixture>
{
    [Fact]
    public async Task RoadImport_FromGeoJson_RefusesANonLineRow_AndRecordsTheRestWithTheirClassAndLength()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        // Along the 30°N parallel from 112.000°E to 112.010°E: PROJ's geod gives the length independently.
        const string geojson = """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"name":"导入主路","class":"main"},"geometry":{"type":"LineString","coordinates":[[112.0,30.0],[112.01,30.0]]}},
              {"type":"Feature","properties":{"name":"导入广场","class":"local"},"geometry":{"type":"Polygon","coordinates":[[[112.0,30.001],[112.001,30.001],[112.001,30.002],[112.0,30.001]]]}},
              {"type":"Feature","properties":{"name":"导入支路","class":"local"},"geometry":{"type":"LineString","coordinates":[[112.005,30.0],[112.005,30.005]]}}
            ]}
            """;

        var refused = await admin.PostAsync("/api/imports/roads?format=geojson", new StringContent(geojson, Encoding.UTF8, "application/geo+json"));
        var partial = await admin.PostAsync("/api/imports/roads?format=geojson&mode=skip-invalid", new StringContent(geojson, Encoding.UTF8, "application/geo+json"));
        var roads = (await admin.GetFromJsonAsync<JsonElement>("/api/base-features?kind=road")).EnumerateArray()
            .Where(r => r.GetProperty("name").GetString()!.StartsWith("导入", StringComparison.Ordinal)).ToList();

        Assert.Equal((HttpStatusCode)422, refused.StatusCode);
        Assert.Equal([2], (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refused").EnumerateArray().Select(r => r.GetProperty("row").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        Assert.Equal(["导入主路", "导入支路"], roads.Select(r => r.GetProperty("name").GetString()).Order());
        var main = roads.Single(r => r.GetProperty("name").GetString() == "导入主路");
        Assert.Equal("main", main.GetProperty("class").GetString());
        Assert.Equal("local", roads.Single(r => r.GetProperty("name").GetString() == "导入支路").GetProperty("class").GetString());
        // Grid length in the Gauss–Krüger zone (central meridian 111°E) exceeds the geodesic one by its scale, ≈ 1.00012 here.
        Assert.Equal(Proj.Geod(112.0, 30.0, 112.01, 30.0), main.GetProperty("lengthMetres").GetDouble(), 0.5);
    }
}
