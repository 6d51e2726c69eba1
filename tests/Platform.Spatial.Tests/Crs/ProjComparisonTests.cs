namespace Platform.Spatial.Tests;

/// <summary>Every transformation compared with PROJ (cs2cs) run by the test; 1 mm tolerance.</summary>
public sealed class ProjComparisonTests
{
    private const double Millimetre = 0.001;
    private const double MillimetreInDegrees = 1e-8; // 1e-8° is 1.1 mm of latitude, less of longitude

    // Xinglong Street (Tianfu New Area) and a grid over Chengdu, 103.6–105.2°E, 30.0–31.0°N.
    private static readonly (double X, double Y)[] Chengdu =
    [
        (104.07, 30.40), (104.0668, 30.4012), (104.1, 30.35), (104.06, 30.66), (103.6, 30.99),
        .. Enumerable.Range(0, 5).SelectMany(i => Enumerable.Range(0, 5).Select(j => (103.6 + 0.4 * i, 30.0 + 0.25 * j))),
    ];

    public static TheoryData<string, string, double, double> ForwardCases => new()
    {
        { "EPSG:4490", "EPSG:4544", 0, 0 }, // Chengdu grid (see below)
        { "EPSG:4490", "EPSG:4523", 0, 0 },
        { "EPSG:4326", "EPSG:3857", 0, 0 },
        { "EPSG:4490", "EPSG:4549", 121.47, 31.23 }, // Shanghai, CM 120
        { "EPSG:4490", "EPSG:4527", 116.40, 39.90 }, // Beijing, zone 39
        { "EPSG:4490", "EPSG:4534", 75.99, 39.47 }, // Kashgar, CM 75
        { "EPSG:4490", "EPSG:4491", 75.99, 39.47 }, // 6-degree zone 13
        { "EPSG:4490", "EPSG:4497", 112.94, 28.23 }, // Changsha, 6-degree zone 19
        { "EPSG:4490", "EPSG:4508", 108.94, 34.34 }, // Xi'an, 6-degree CM 111
        { "EPSG:4490", "EPSG:4507", 107.95, 30.0 }, // 6-degree CM 105, 2.95° from the meridian
        { "EPSG:4490", "EPSG:4554", 134.3, 48.3 }, // Fuyuan, CM 135
        { "EPSG:4490", "EPSG:4546", 110.3, 18.2 }, // Hainan, CM 111
        { "EPSG:4326", "EPSG:3857", 126.63, 45.75 }, // Harbin
        { "EPSG:4326", "EPSG:3857", 109.51, 18.25 }, // Sanya
    };

    [Theory]
    [MemberData(nameof(ForwardCases))]
    public void Forward_MatchesProj(string from, string to, double lon, double lat)
    {
        var points = lon == 0 ? Chengdu : [(lon, lat)];
        var expected = Proj.Transform(from, to, points);
        var actual = CoordinateTransformer.Transform(from, to, points);
        AssertClose(expected, actual, Millimetre);
    }

    [Theory]
    [InlineData("EPSG:4544")]
    [InlineData("EPSG:4523")]
    [InlineData("EPSG:3857")]
    public void Inverse_MatchesProj(string projected)
    {
        var metres = Proj.Transform("EPSG:4490", projected, Chengdu);
        var expected = Proj.Transform(projected, "EPSG:4490", metres);
        var actual = CoordinateTransformer.Transform(projected, "EPSG:4490", metres);
        AssertClose(expected, actual, MillimetreInDegrees);
    }

    [Theory]
    [InlineData("EPSG:4544", "EPSG:4523")] // add the zone prefix
    [InlineData("EPSG:3857", "EPSG:4544")]
    [InlineData("EPSG:4544", "EPSG:4507")] // 3-degree to 6-degree, same meridian
    public void ProjectedToProjected_MatchesProj(string from, string to)
    {
        var points = Chengdu.Where(p => p.X >= 103.5).ToArray();
        var source = Proj.Transform("EPSG:4490", from, points);
        var expected = Proj.Transform(from, to, source);
        var actual = CoordinateTransformer.Transform(from, to, source);
        AssertClose(expected, actual, Millimetre);
    }

    [Fact]
    public void GeometryOverload_TransformsEveryVertex_AndSetsSrid()
    {
        var ring = Chengdu.Take(4).Append(Chengdu[0]).ToArray();
        var polygon = StorageCrs.Factory.CreatePolygon(ring.Select(p => new NetTopologySuite.Geometries.Coordinate(p.X, p.Y)).ToArray());
        var expected = Proj.Transform("EPSG:4490", "EPSG:4544", ring);

        var projected = CoordinateTransformer.Transform(polygon, "EPSG:4490", "EPSG:4544");

        Assert.Equal(4544, projected.SRID);
        AssertClose(expected, projected.Coordinates.Select(c => (c.X, c.Y)).ToArray(), Millimetre);
        Assert.Equal(104.07, polygon.Coordinates[0].X); // the input is not modified
    }

    internal static void AssertClose((double X, double Y)[] expected, (double X, double Y)[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var dx = Math.Abs(expected[i].X - actual[i].X);
            var dy = Math.Abs(expected[i].Y - actual[i].Y);
            Assert.True(dx <= tolerance && dy <= tolerance,
                $"point {i}: expected ({expected[i].X:R}, {expected[i].Y:R}), got ({actual[i].X:R}, {actual[i].Y:R}); off by ({dx:G3}, {dy:G3})");
        }
    }
}
