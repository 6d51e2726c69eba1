using NetTopologySuite.Geometries;

namespace Platform.Spatial.Tests;

/// <summary>Geodesic distances against PROJ's geod (GRS 80, Karney's algorithm): an independent implementation.</summary>
public sealed class GeodesicTests
{
    [Theory]
    [InlineData(116.39, 39.91, 104.07, 30.40)] // Beijing to Xinglong Street, across four zones
    [InlineData(104.07, 30.40, 104.08, 30.41)] // within the street
    [InlineData(75.99, 39.47, 126.63, 45.75)] // Kashgar to Harbin
    [InlineData(104.07, 30.40, 104.07, 30.40)] // the same point
    public void Distance_AgreesWithGeod_ToAMillimetre(double lon1, double lat1, double lon2, double lat2)
    {
        var expected = Proj.GeodesicMetres(lon1, lat1, lon2, lat2);

        Assert.Equal(expected, Geodesic.DistanceMetres(lon1, lat1, lon2, lat2), 1e-3);
    }

    [Fact]
    public void ShortestDistance_FromBeijing_ToASquareInChengdu_IsTheGeodesicToItsNearestCorner()
    {
        var square = WellKnownText.Read("POLYGON ((104.03 30.36, 104.11 30.36, 104.11 30.44, 104.03 30.44, 104.03 30.36))");
        var beijing = new Point(116.39, 39.91) { SRID = 4490 };
        // Beijing lies north-east of the square: its nearest point is the north-east corner or on the edges beside it,
        // and along those edges geod's figure is least at the corner (checked on points 0.01° apart).
        var candidates = Enumerable.Range(0, 9).Select(i => (116.39, 39.91, 104.03 + 0.01 * i, 30.44))
            .Concat(Enumerable.Range(0, 9).Select(i => (116.39, 39.91, 104.11, 30.36 + 0.01 * i)));
        var expected = Proj.GeodesicMetres(candidates).Min();

        var distance = Geodesic.ShortestDistanceMetres(beijing, square);

        Assert.InRange(distance, expected * 0.999, expected * 1.001);
    }

    [Fact]
    public void ShortestDistance_WithinOneZone_IsTheZoneDistance_AndZeroWhenTheyMeet()
    {
        var square = WellKnownText.Read("POLYGON ((104.03 30.36, 104.11 30.36, 104.11 30.44, 104.03 30.44, 104.03 30.36))");
        var east = new Point(104.13, 30.40) { SRID = 4490 };
        var inside = new Point(104.05, 30.40) { SRID = 4490 };

        Assert.Equal(Proj.GeodesicMetres(104.11, 30.40, 104.13, 30.40), Geodesic.ShortestDistanceMetres(east, square), 1.0);
        Assert.Equal(0, Geodesic.ShortestDistanceMetres(inside, square));
    }
}
