namespace Platform.Spatial.Tests;

public sealed class CrsRegistryTests
{
    [Theory]
    [InlineData("EPSG:4490", "EPSG:4490")]
    [InlineData("epsg:4326", "EPSG:4326")]
    [InlineData("EPSG::4544", "EPSG:4544")]
    [InlineData("urn:ogc:def:crs:EPSG::4523", "EPSG:4523")]
    [InlineData("http://www.opengis.net/def/crs/EPSG/0/4490", "EPSG:4490")]
    [InlineData("https://www.opengis.net/def/crs/EPSG/0/3857", "EPSG:3857")]
    [InlineData("CRS84", "EPSG:4326")]
    [InlineData("OGC:CRS84", "EPSG:4326")]
    [InlineData("http://www.opengis.net/def/crs/OGC/1.3/CRS84", "EPSG:4326")]
    [InlineData("EPSG:900913", "EPSG:3857")]
    [InlineData("gcj-02", "GCJ02")]
    [InlineData("GCJ02", "GCJ02")]
    [InlineData("BD-09", "BD09")]
    [InlineData(" bd09ll ", "BD09")]
    public void Resolve_AcceptsNamesAndAliases(string name, string code) =>
        Assert.Equal(code, CrsRegistry.Resolve(name).Code);

    [Theory]
    [InlineData("EPSG:9999")]
    [InlineData("EPSG:4555")]
    [InlineData("EPSG:4490x")]
    [InlineData("WGS84 please")]
    [InlineData("")]
    public void Resolve_UnknownName_ThrowsNamingIt(string name)
    {
        var ex = Assert.Throws<UnknownCrsException>(() => CrsRegistry.Resolve(name));
        Assert.Equal(name, ex.Given);
        Assert.Contains($"'{name}'", ex.Message);
    }

    [Theory]
    // EPSG: 3-degree 4513–4533 zone 25–45 prefixed, 4534–4554 CM 75–135; 6-degree 4491–4501 zone 13–23, 4502–4512 CM 75–135.
    [InlineData(4513, 3, 25, 75, 25_500_000)]
    [InlineData(4523, 3, 35, 105, 35_500_000)]
    [InlineData(4533, 3, 45, 135, 45_500_000)]
    [InlineData(4534, 3, 25, 75, 500_000)]
    [InlineData(4544, 3, 35, 105, 500_000)]
    [InlineData(4554, 3, 45, 135, 500_000)]
    [InlineData(4491, 6, 13, 75, 13_500_000)]
    [InlineData(4496, 6, 18, 105, 18_500_000)]
    [InlineData(4501, 6, 23, 135, 23_500_000)]
    [InlineData(4502, 6, 13, 75, 500_000)]
    [InlineData(4507, 6, 18, 105, 500_000)]
    [InlineData(4512, 6, 23, 135, 500_000)]
    public void GaussKrugerZones_HaveEpsgParameters(int epsg, int width, int zone, double meridian, double falseEasting)
    {
        var gk = CrsRegistry.Resolve(epsg).GaussKruger!;
        Assert.Equal((width, zone, meridian, falseEasting), (gk.ZoneWidthDegrees, gk.ZoneNumber, gk.CentralMeridian, gk.FalseEasting));
    }

    [Fact]
    public void EveryGaussKrugerZone_IsKnown_WithItsAreaOfUse()
    {
        for (var epsg = 4491; epsg <= 4554; epsg++)
        {
            var crs = CrsRegistry.Resolve(epsg);
            Assert.Equal(CrsKind.GaussKruger, crs.Kind);
            var (cm, half) = (crs.GaussKruger!.CentralMeridian, crs.GaussKruger.ZoneWidthDegrees / 2.0);
            Assert.InRange(crs.AreaOfUse.West, Math.Max(cm - half, 73.62) - 0.02, cm);
            Assert.InRange(crs.AreaOfUse.East, Math.Min(cm, 134.77), cm + half + 0.02);
        }

        // EPSG: "China - 103.5°E to 106.5°E", bbox east 106.51.
        Assert.Equal(new AreaOfUse(103.5, 3, 106.51, 54), CrsRegistry.Resolve("EPSG:4544").AreaOfUse);
        Assert.Equal(64 + 3 + 2, CrsRegistry.All.Count);
    }

    [Theory]
    [InlineData(104.07, 4544, 105)]
    [InlineData(103.51, 4544, 105)]
    [InlineData(103.49, 4543, 102)]
    [InlineData(106.49, 4544, 105)]
    [InlineData(121.47, 4549, 120)]
    [InlineData(73.6, 4534, 75)]
    [InlineData(134.9, 4554, 135)]
    public void MetricZone_For_ChoosesNearestCentralMeridian(double lon, int epsg, double meridian)
    {
        var zone = MetricZone.For(lon);
        Assert.Equal((epsg, meridian, $"EPSG:{epsg}"), (zone.Epsg, zone.CentralMeridian, zone.Code));
    }

    [Theory]
    [InlineData(2.35)]
    [InlineData(200)]
    [InlineData(double.NaN)]
    public void MetricZone_For_OutsideChina_Throws(double lon) =>
        Assert.Throws<CoordinateOutOfRangeException>(() => MetricZone.For(lon));
}
