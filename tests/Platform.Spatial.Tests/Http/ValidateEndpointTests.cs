using System.Net;
using System.Text;
using System.Text.Json;

namespace Platform.Spatial.Tests;

public sealed class ValidateEndpointTests(SpatialApi api) : IClassFixture<SpatialApi>
{
    private const string BowTie = """{"type":"Polygon","coordinates":[[[104,30.3],[104.02,30.32],[104.02,30.3],[104,30.32],[104,30.3]]]}""";

    [Fact]
    public async Task ValidPolygon_IsValid()
    {
        var json = await Validate("""{"type":"Polygon","coordinates":[[[104.06,30.39],[104.08,30.39],[104.08,30.41],[104.06,30.39]]]}""");

        Assert.True(json.GetProperty("valid").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("reason").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("repaired").ValueKind);
    }

    [Fact]
    public async Task BowTie_IsInvalid_AtTheCrossing_AndRepairedOnRequest()
    {
        var plain = await Validate(BowTie);
        Assert.False(plain.GetProperty("valid").GetBoolean());
        Assert.Equal("self-intersection", plain.GetProperty("code").GetString());
        Assert.Equal(104.01, plain.GetProperty("location")[0].GetDouble(), 1e-9);
        Assert.Equal(30.31, plain.GetProperty("location")[1].GetDouble(), 1e-9);
        Assert.Contains("自相交", plain.GetProperty("reasonZh").GetString());
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("repaired").ValueKind);

        var repaired = await Validate(BowTie, "?repair=true");
        var geometry = GeoJson.ReadGeometry(repaired.GetProperty("repaired").GetRawText());
        Assert.Equal("MultiPolygon", geometry.GeometryType);
        Assert.True(GeometryValidator.Validate(geometry).Valid);
    }

    [Fact]
    public async Task UnclosedRing_IsInvalid_AndClosedOnRepair()
    {
        const string body = """{"type":"Polygon","coordinates":[[[104.06,30.39],[104.08,30.39],[104.08,30.41]]]}""";

        var plain = await Validate(body);
        Assert.Equal("ring-not-closed", plain.GetProperty("code").GetString());
        Assert.Equal(104.06, plain.GetProperty("location")[0].GetDouble());

        var repaired = await Validate(body, "?repair=1");
        Assert.Equal(4, GeoJson.ReadGeometry(repaired.GetProperty("repaired").GetRawText()).NumPoints);
    }

    [Theory]
    [InlineData("""{"type":"Point","coordinates":[2.35,48.85]}""", "outside-china")]
    [InlineData("""{"type":"Point","coordinates":[104.5,30.4]}""", "outside-street-extent")] // configured with AddSpatial
    [InlineData("""{"type":"Polygon","coordinates":[]}""", "empty")]
    [InlineData("""{"type":"LineString","coordinates":[[104.07,30.4]]}""", "too-few-points")]
    public async Task BadGeometry_IsInvalid_WithItsCode(string body, string code) =>
        Assert.Equal(code, (await Validate(body)).GetProperty("code").GetString());

    [Fact]
    public async Task MillionVertices_IsInvalid_NotAnError()
    {
        var body = new StringBuilder("""{"type":"LineString","coordinates":[""");
        for (var i = 0; i < 1_000_000; i++)
        {
            body.Append(i == 0 ? "" : ",").Append("[104.07,30.4]");
        }

        var json = await Validate(body.Append("]}").ToString());

        Assert.Equal("too-many-vertices", json.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("""{"type":"Point","coordinates":[104.07,"NaN"]}""", "", "$.coordinates[1]", "expected a number")]
    [InlineData("""{"type":"FeatureCollection","features":[]}""", "", "$", "FeatureCollection")]
    [InlineData("""{"type":"Point","coordinates":[104.07,30.4]""", "", "body", "malformed JSON")]
    [InlineData("""{"type":"Point","coordinates":[104.07,30.4]}""", "?repair=maybe", "repair", "true or false")]
    [InlineData("", "", "body", "empty")]
    public async Task MalformedBody_Is400ProblemJson(string body, string query, string field, string reason) =>
        await TransformEndpointTests.AssertProblem(await Post(body, query), field, reason);

    [Fact]
    public async Task GbkBytesInTheBody_Are400()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"type":"Feature","properties":{"name":"XXXX"},"geometry":{"type":"Point","coordinates":[104.07,30.4]}}""");
        var gbk = AttributeEncodings.Gbk.GetBytes("兴隆");
        var at = Array.IndexOf(bytes, (byte)'X');
        var body = bytes[..at].Concat(gbk).Concat(bytes[(at + 4)..]).ToArray();

        var response = await api.Client.PostAsync("/api/spatial/validate", new ByteArrayContent(body));

        await TransformEndpointTests.AssertProblem(response, "body", "malformed JSON");
    }

    [Fact]
    public async Task CrsList_NamesTheSupportedSystems()
    {
        var text = await api.Client.GetStringAsync("/api/spatial/crs");
        Assert.Contains("\"code\":\"EPSG:4544\"", text);
        Assert.Contains("\"code\":\"GCJ02\"", text);
    }

    private async Task<JsonElement> Validate(string body, string query = "")
    {
        var response = await Post(body, query);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private Task<HttpResponseMessage> Post(string body, string query) =>
        api.Client.PostAsync("/api/spatial/validate" + query, new StringContent(body, Encoding.UTF8, "application/json"));
}
