using System.Net;
using System.Text;
using System.Text.Json;

namespace Platform.Spatial.Tests;

public sealed class TransformEndpointTests(SpatialApi api) : IClassFixture<SpatialApi>
{
    [Fact]
    public async Task Transform_4490To4544_MatchesProj()
    {
        var expected = Proj.Transform("EPSG:4490", "EPSG:4544", [(104.07, 30.40), (104.1, 30.35)]);

        var response = await Post("""{"from":"EPSG:4490","to":"EPSG:4544","coordinates":[[104.07,30.40],[104.1,30.35]]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var coordinates = json.RootElement.GetProperty("coordinates");
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(expected[i].X, coordinates[i][0].GetDouble(), 0.001);
            Assert.Equal(expected[i].Y, coordinates[i][1].GetDouble(), 0.001);
        }
    }

    [Fact]
    public async Task Transform_AmapToCgcs2000()
    {
        var response = await Post("""{"from":"GCJ02","to":"EPSG:4490","coordinates":[[121.531541859215,31.17530398364597]]}""");

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var p = json.RootElement.GetProperty("coordinates")[0];
        Assert.True(Proj.GeodesicMetres(p[0].GetDouble(), p[1].GetDouble(), 121.5272106, 31.1774276) < 0.5);
    }

    [Theory]
    [InlineData("""{"from":"EPSG:9999","to":"EPSG:4544","coordinates":[[104.07,30.4]]}""", "from", "EPSG:9999")]
    [InlineData("""{"from":"EPSG:4490","to":"Beijing54","coordinates":[[104.07,30.4]]}""", "to", "Beijing54")]
    [InlineData("""{"from":"EPSG:4490","to":"EPSG:4544","coordinates":[[104.07,30.4],[110.5,30.4]]}""", "coordinates[1]", "area of use of EPSG:4544")]
    [InlineData("""{"from":"EPSG:4490","to":"EPSG:4544","coordinates":[[104.07,"NaN"]]}""", "coordinates[0][1]", "must be a number")]
    [InlineData("""{"from":"EPSG:4490","to":"EPSG:4544","coordinates":[[104.07,1e999]]}""", "coordinates[0][1]", "not a finite number")]
    [InlineData("""{"from":"EPSG:4490","to":"EPSG:4544","coordinates":[["104.07",30.4]]}""", "coordinates[0][0]", "must be a number")]
    [InlineData("""{"from":"EPSG:4490","to":"EPSG:4544","coordinates":[[104.07,30.4,12]]}""", "coordinates[0]", "two numbers")]
    [InlineData("""{"from":"EPSG:4490","to":"EPSG:4544","coordinates":{"x":1}}""", "coordinates", "must be an array")]
    [InlineData("""{"from":"EPSG:4490","to":"EPSG:4544"}""", "coordinates", "is required")]
    [InlineData("""{"to":"EPSG:4544","coordinates":[]}""", "from", "is required")]
    [InlineData("""{"from":4490,"to":"EPSG:4544","coordinates":[]}""", "from", "must be a string")]
    [InlineData("""{"from":"EPSG:4490","to":"EPSG:4544","coordinates":[[104.07,30.4]""", "body", "malformed JSON")]
    [InlineData("""{"from":"EPSG:4490","to":"EPSG:4544","coordinates":[[NaN,30.4]]}""", "body", "malformed JSON")]
    [InlineData("""[1,2]""", "body", "JSON object")]
    [InlineData("", "body", "empty")]
    public async Task BadInput_Is400ProblemJson_NamingTheField(string body, string field, string reason) =>
        await AssertProblem(await Post(body), field, reason);

    [Fact]
    public async Task InvalidUtf8Body_Is400()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"from":"EPSG:4490","to":"EPSG:4544","coordinates":[],"note":"X"}""");
        bytes[^3] = 0xC3; // a lone lead byte: not UTF-8
        var response = await api.Client.PostAsync("/api/spatial/transform", new ByteArrayContent(bytes));
        await AssertProblem(response, "body", "malformed JSON");
    }

    internal static async Task AssertProblem(HttpResponseMessage response, string field, string reason)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(text);
        Assert.Equal(400, json.RootElement.GetProperty("status").GetInt32());
        var errors = json.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"no error for '{field}' in {text}");
        Assert.Contains(reason, messages[0].GetString());
    }

    private Task<HttpResponseMessage> Post(string body) =>
        api.Client.PostAsync("/api/spatial/transform", new StringContent(body, Encoding.UTF8, "application/json"));
}
