using System.Diagnostics;
using NetTopologySuite.Geometries;

namespace Platform.Spatial.Tests;

/// <summary>The corpus of bad input: each is refused with its reason and, where there is one, its location.</summary>
public sealed class GeometryValidatorTests
{
    private static readonly GeometryFactory Factory = StorageCrs.Factory;

    [Fact]
    public void BowTie_IsSelfIntersecting_AtTheCrossingPoint()
    {
        // Diagonals (104.00 30.00)–(104.02 30.02) and (104.02 30.00)–(104.00 30.02) cross at (104.01, 30.01).
        var bowTie = WellKnownText.Read("POLYGON ((104 30, 104.02 30.02, 104.02 30, 104 30.02, 104 30))");

        var result = GeometryValidator.Validate(bowTie);

        Assert.False(result.Valid);
        Assert.Equal(GeometryValidationCodes.SelfIntersection, result.Code);
        Assert.Equal(104.01, result.Location![0], 1e-9);
        Assert.Equal(30.01, result.Location[1], 1e-9);
        Assert.Contains("self-intersection", result.Reason);
        Assert.Contains("自相交", result.ReasonZh);
    }

    [Fact]
    public void Repair_SplitsTheBowTie_IntoTwoValidTriangles()
    {
        var bowTie = WellKnownText.Read("POLYGON ((104 30, 104.02 30.02, 104.02 30, 104 30.02, 104 30))");

        var repaired = GeometryValidator.Repair(bowTie);

        Assert.True(GeometryValidator.Validate(repaired).Valid);
        Assert.Equal(2, repaired.NumGeometries);
        // Two triangles, each half of a 0.02 × 0.01 rectangle: 2 × 0.0001 = 0.0002 square degrees.
        Assert.Equal(0.0002, repaired.Area, 1e-12);
        Assert.Equal(4490, repaired.SRID);
    }

    [Fact]
    public void UnclosedRing_IsRefused_WithItsFirstPoint()
    {
        var ex = Assert.Throws<InvalidGeometryException>(() => GeoJson.ReadGeometry(
            """{"type":"Polygon","coordinates":[[[104.0,30.0],[104.01,30.0],[104.01,30.01],[104.0,30.011]]]}"""));

        Assert.Equal(GeometryValidationCodes.RingNotClosed, ex.Result.Code);
        Assert.Equal(new[] { 104.0, 30.0 }, ex.Result.Location);
        Assert.Contains("not closed", ex.Result.Reason);
        Assert.Contains("未闭合", ex.Result.ReasonZh);
    }

    [Theory]
    [InlineData("POLYGON EMPTY")]
    [InlineData("GEOMETRYCOLLECTION EMPTY")]
    [InlineData("POINT EMPTY")]
    public void Empty_IsRefused(string wkt)
    {
        var result = GeometryValidator.Validate(WellKnownText.Read(wkt));
        Assert.Equal((false, GeometryValidationCodes.Empty), (result.Valid, result.Code));
    }

    [Fact]
    public void NaN_IsRefused_WithTheCoordinateIndex()
    {
        var line = Factory.CreateLineString([new(104.0, 30.0), new(double.NaN, 30.01), new(104.02, 30.02)]);

        var result = GeometryValidator.Validate(line);

        Assert.Equal((false, GeometryValidationCodes.NotFinite), (result.Valid, result.Code));
        Assert.Contains("coordinate 1", result.Reason);
    }

    [Theory]
    [InlineData("POLYGON ((2.3 48.8, 2.4 48.8, 2.4 48.9, 2.3 48.8))", 2.3, 48.8)] // Paris
    [InlineData("POINT (30.4 104.07)", 30.4, 104.07)] // lat/lon swapped
    [InlineData("POINT (410627.9 3364822.8)", 410627.9, 3364822.8)] // EPSG:4544 metres sent as degrees
    public void OutsideChina_IsRefused_WhereItLeaves(string wkt, double lon, double lat)
    {
        var result = GeometryValidator.Validate(WellKnownText.Read(wkt));

        Assert.Equal((false, GeometryValidationCodes.OutsideChina), (result.Valid, result.Code));
        Assert.Equal(new[] { lon, lat }, result.Location);
        Assert.Contains("中国范围", result.ReasonZh);
    }

    [Fact]
    public void OutsideTheStreetExtent_IsRefused_OnlyWhenConfigured()
    {
        var options = new GeometryValidationOptions { StreetExtent = new Envelope(104.00, 104.12, 30.33, 30.45) };
        var inside = WellKnownText.Read("LINESTRING (104.05 30.40, 104.06 30.41)");
        var crossing = WellKnownText.Read("LINESTRING (104.05 30.40, 104.20 30.41)");

        Assert.True(GeometryValidator.Validate(inside, options).Valid);
        Assert.True(GeometryValidator.Validate(crossing).Valid);
        var result = GeometryValidator.Validate(crossing, options);
        Assert.Equal(GeometryValidationCodes.OutsideStreetExtent, result.Code);
        Assert.Equal(new[] { 104.20, 30.41 }, result.Location);
    }

    [Fact]
    public void MillionVertices_IsRefusedFast_BeforeAnyOtherWork()
    {
        var coordinates = new Coordinate[1_000_000];
        for (var i = 0; i < coordinates.Length; i++)
        {
            coordinates[i] = new Coordinate(104 + i * 1e-7, 30 + (i % 2) * 1e-4);
        }

        var line = Factory.CreateLineString(coordinates);
        var clock = Stopwatch.StartNew();

        var result = GeometryValidator.Validate(line);

        Assert.Equal(GeometryValidationCodes.TooManyVertices, result.Code);
        Assert.Contains("1000000 vertices", result.Reason);
        Assert.True(clock.ElapsedMilliseconds < 100, $"took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void HoleOutsideShell_IsRefused()
    {
        var polygon = WellKnownText.Read(
            "POLYGON ((104 30, 104.01 30, 104.01 30.01, 104 30.01, 104 30), (104.02 30.02, 104.03 30.02, 104.03 30.03, 104.02 30.02))");

        var result = GeometryValidator.Validate(polygon);

        Assert.Equal(GeometryValidationCodes.HoleOutsideShell, result.Code);
        Assert.NotNull(result.Location);
    }

    [Fact]
    public void ValidCommunityBoundary_IsAccepted()
    {
        var polygon = WellKnownText.Read(
            "POLYGON ((104.06 30.39, 104.08 30.39, 104.08 30.41, 104.06 30.41, 104.06 30.39), (104.065 30.395, 104.07 30.395, 104.07 30.40, 104.065 30.395))");

        Assert.Equal(GeometryValidationResult.Ok, GeometryValidator.Validate(polygon));
    }
}
