using System.Text;
using NetTopologySuite.Geometries;

namespace Platform.Spatial.Tests;

public sealed class GeoJsonTests
{
    [Fact]
    public void ReadsAFeature_TakingItsGeometry_WithSrid4490()
    {
        var geometry = GeoJson.ReadGeometry(
            """{"type":"Feature","properties":{"名称":"兴隆街道"},"geometry":{"type":"Point","coordinates":[104.07,30.4]}}""");

        Assert.Equal("POINT (104.07 30.4)", geometry.AsText());
        Assert.Equal(4490, geometry.SRID);
    }

    [Theory]
    [InlineData("""{"type":"Point","coordinates":[104.07,"30.4"]}""", "$.coordinates[1]", "expected a number")]
    [InlineData("""{"type":"Point","coordinates":[104.07,1e400]}""", "$.coordinates[1]", "not a finite number")]
    [InlineData("""{"type":"Point","coordinates":[104.07]}""", "$.coordinates", "needs 2 numbers")]
    [InlineData("""{"type":"Polygon","coordinates":[[[104,30],[104.1,30],null]]}""", "$.coordinates[0][2]", "expected a position")]
    [InlineData("""{"type":"Polygon"}""", "$.coordinates", "is required")]
    [InlineData("""{"coordinates":[1,2]}""", "$.type", "is required")]
    [InlineData("""{"type":"Circle","coordinates":[1,2]}""", "$.type", "unknown GeoJSON type")]
    [InlineData("""{"type":"FeatureCollection","features":[]}""", "$", "FeatureCollection")]
    [InlineData("""[104.07, 30.4]""", "$", "expected a GeoJSON geometry object")]
    [InlineData("""{"type":"Point","coordinates":[104.07,30.4]""", "$", "malformed JSON")]
    [InlineData("""{"type":"Point","coordinates":[410627.9,3364822.8],"crs":{"type":"name","properties":{"name":"EPSG:4544"}}}""", "$.crs", "EPSG:4544")]
    public void MalformedInput_NamesThePathAndReason(string json, string path, string reason)
    {
        var ex = Assert.Throws<GeometryFormatException>(() => GeoJson.ReadGeometry(json));
        Assert.Equal(path, ex.Path);
        Assert.Contains(reason, ex.Reason);
    }

    [Fact]
    public void CloseRings_RepeatsTheFirstPoint()
    {
        var polygon = GeoJson.ReadGeometry(
            """{"type":"Polygon","coordinates":[[[104.0,30.0],[104.01,30.0],[104.01,30.01]]]}""",
            new GeoJsonReadOptions { CloseRings = true });

        Assert.Equal("POLYGON ((104 30, 104.01 30, 104.01 30.01, 104 30))", polygon.AsText());
    }

    [Fact]
    public void TooFewPoints_IsAValidationFailure()
    {
        var ex = Assert.Throws<InvalidGeometryException>(() =>
            GeoJson.ReadGeometry("""{"type":"Polygon","coordinates":[[[104.0,30.0],[104.01,30.0],[104.0,30.0]]]}"""));
        Assert.Equal(GeometryValidationCodes.TooFewPoints, ex.Result.Code);
    }

    [Fact]
    public void MillionVertexDocument_IsRefusedAtTheLimit()
    {
        var json = new StringBuilder("""{"type":"LineString","coordinates":[""");
        for (var i = 0; i < 1_000_000; i++)
        {
            json.Append(i == 0 ? "" : ",").Append("[104.0,30.0]");
        }

        var text = json.Append("]}").ToString();

        var ex = Assert.Throws<InvalidGeometryException>(() => GeoJson.ReadGeometry(text));

        // How fast the refusal comes is not asserted here (a timed unit test fails on a loaded machine, and did):
        // the reader stops at the limit by construction, and speed belongs to docs/benchmarks.md.
        Assert.Equal(GeometryValidationCodes.TooManyVertices, ex.Result.Code);
    }

    [Fact]
    public void WriteThenRead_KeepsTheGeometry()
    {
        var polygon = WellKnownText.Read("POLYGON ((104.06 30.39, 104.08 30.39, 104.08 30.41, 104.06 30.39))");

        var json = GeoJson.Write(polygon);

        Assert.Contains("\"type\":\"Polygon\"", json);
        Assert.True(polygon.EqualsExact(GeoJson.ReadGeometry(json)));
    }

    [Fact]
    public void Options_SerialiseGeometriesWithTheNtsConverter()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new { shape = (Geometry)StorageCrs.Factory.CreatePoint(new Coordinate(104.07, 30.4)) }, GeoJson.Options);
        Assert.Equal("""{"shape":{"type":"Point","coordinates":[104.07,30.4]}}""", json);
    }
}
