using NetTopologySuite.Geometries;

namespace Platform.Spatial.Tests;

/// <summary>Measurements against PROJ: shapes built in EPSG:4544 by cs2cs, distances from geod (GRS80).</summary>
public sealed class GeometryMeasurementTests
{
    // Grid distances exceed ellipsoidal ones by the Gauss–Krüger scale 1 + d²/2R²; at Chengdu (≈ 90 km from 105°E)
    // that is 1.0001, so 1.5e-4 bounds it; within 5 km of the meridian it is below 1e-6.
    private const double ChengduScaleTolerance = 1.5e-4;

    [Fact]
    public void Area_OfAHundredMetreSquareBuiltInTheZone_IsTenThousandSquareMetres()
    {
        var square = SquareFromZone(410_000, 3_364_000, 100);

        Assert.Equal(10_000, GeometryMeasurement.AreaSquareMetres(square), 1e-3);
        Assert.Equal(400, GeometryMeasurement.LengthMetres(square), 1e-4);
        Assert.Equal(4544, GeometryMeasurement.ZoneOf(square).Epsg);
    }

    [Fact]
    public void Centroid_OfTheSquare_IsItsCentreAsProjPlacesIt()
    {
        var square = SquareFromZone(410_000, 3_364_000, 100);
        var centre = Proj.Transform("EPSG:4544", "EPSG:4490", [(410_050, 3_364_050)])[0];

        var centroid = GeometryMeasurement.Centroid(square);

        Assert.Equal(centre.X, centroid.X, 1e-9);
        Assert.Equal(centre.Y, centroid.Y, 1e-9);
        Assert.Equal(4490, centroid.SRID);
    }

    [Fact]
    public void InteriorPoint_OfAnLShape_LiesInside_WhereTheCentroidDoesNot()
    {
        var l = WellKnownText.Read("POLYGON ((104 30, 104.02 30, 104.02 30.002, 104.002 30.002, 104.002 30.02, 104 30.02, 104 30))");

        Assert.False(l.Contains(GeometryMeasurement.Centroid(l)));
        Assert.True(l.Contains(GeometryMeasurement.InteriorPoint(l)));
    }

    [Theory]
    [InlineData(104.9995, 30.40, 105.0005, 30.41, 1e-6)] // astride the central meridian: grid = ellipsoid
    [InlineData(104.07, 30.40, 104.08, 30.41, ChengduScaleTolerance)] // Xinglong Street
    [InlineData(103.9, 30.6, 104.2, 30.3, ChengduScaleTolerance)] // across Chengdu
    public void Distance_AgreesWithGeod(double lon1, double lat1, double lon2, double lat2, double relative)
    {
        var expected = Proj.GeodesicMetres(lon1, lat1, lon2, lat2);

        var points = GeometryMeasurement.DistanceMetres(lon1, lat1, lon2, lat2);
        var geometries = GeometryMeasurement.DistanceMetres(Point(lon1, lat1), Point(lon2, lat2));

        // geod prints micrometres, hence the 1e-6 m slack below the ellipsoidal value.
        Assert.InRange(points, expected - 1e-6, expected * (1 + relative));
        Assert.Equal(points, geometries, 1e-6);
    }

    [Fact]
    public void Buffer_OfAPoint_IsACircleOfThatRadius_OnTheGround()
    {
        var centre = Point(104.07, 30.40);

        var circle = GeometryMeasurement.Buffer(centre, 100);

        // 8 segments per quadrant: a regular 32-gon of circumradius 100 m has area ½·32·100²·sin(2π/32).
        Assert.Equal(0.5 * 32 * 100 * 100 * Math.Sin(2 * Math.PI / 32), GeometryMeasurement.AreaSquareMetres(circle), 0.05);
        var radii = Proj.GeodesicMetres(circle.Coordinates.Take(32).Select(v => (104.07, 30.40, v.X, v.Y)));
        Assert.Equal(32, radii.Length);
        Assert.All(radii, r => Assert.InRange(r, 100 * (1 - ChengduScaleTolerance), 100.0));

        Assert.Equal(4490, circle.SRID);
    }

    [Fact]
    public void GeometryTooWideForOneZone_IsRefused()
    {
        var line = WellKnownText.Read("LINESTRING (100 30, 108.5 30)");
        Assert.Throws<CoordinateOutOfRangeException>(() => GeometryMeasurement.LengthMetres(line));
    }

    [Fact]
    public void ProjectedGeometry_IsRefused()
    {
        var metres = StorageCrs.Factory.CreatePoint(new Coordinate(410_000, 3_364_000));
        metres.SRID = 4544;
        Assert.Throws<ArgumentException>(() => GeometryMeasurement.AreaSquareMetres(metres));
    }

    [Fact]
    public void ZoneIsChosenFromTheCentroid()
    {
        Assert.Equal(4543, GeometryMeasurement.ZoneOf(WellKnownText.Read("LINESTRING (101.9 30, 103.6 30)")).Epsg);
        Assert.Equal(4549, GeometryMeasurement.ZoneOf(Point(121.47, 31.23)).Epsg);
    }

    private static Point Point(double lon, double lat) => StorageCrs.Factory.CreatePoint(new Coordinate(lon, lat));

    private static Polygon SquareFromZone(double east, double north, double side)
    {
        (double X, double Y)[] corners = [(east, north), (east + side, north), (east + side, north + side), (east, north + side), (east, north)];
        var lonLat = Proj.Transform("EPSG:4544", "EPSG:4490", corners);
        return StorageCrs.Factory.CreatePolygon(lonLat.Select(p => new Coordinate(p.X, p.Y)).ToArray());
    }
}
