using System.Globalization;

namespace Platform.Spatial.Tests;

/// <summary>GCJ-02 and BD-09 against published vectors of public implementations and an independent re-implementation.</summary>
public sealed class ChinaOffsetTests
{
    private const double ReferenceTolerance = 1e-9;

    // (wgsLon, wgsLat, gcjLon, gcjLat): eviltransform's python/test.py (Shanghai, Shenzhen, Beijing) and the
    // coordtransform README (wgs84togcj02(116.404, 39.915)).
    public static TheoryData<double, double, double, double> WgsToGcj => new()
    {
        { 121.5272106, 31.1774276, 121.531541859215, 31.17530398364597 },
        { 113.912316, 22.543847, 113.9171764808363, 22.540796131694766 },
        { 116.377817, 39.911954, 116.38404722455657, 39.91334545536069 },
        { 116.404, 39.915, 116.41024449916938, 39.91640428150164 },
    };

    [Theory]
    [MemberData(nameof(WgsToGcj))]
    public void Wgs84ToGcj02_ReproducesPublishedVectors(double lon, double lat, double gcjLon, double gcjLat)
    {
        var (x, y) = CoordinateTransformer.Transform("EPSG:4326", "GCJ02", lon, lat);
        Assert.Equal(gcjLon, x, ReferenceTolerance);
        Assert.Equal(gcjLat, y, ReferenceTolerance);
    }

    [Fact]
    public void Gcj02ToBd09_ReproducesPublishedVector()
    {
        // coordtransform README: gcj02tobd09(116.404, 39.915) → [116.41036949371029, 39.92133699351021].
        var (x, y) = CoordinateTransformer.Transform("GCJ02", "BD09", 116.404, 39.915);
        Assert.Equal(116.41036949371029, x, ReferenceTolerance);
        Assert.Equal(39.92133699351021, y, ReferenceTolerance);
    }

    [Fact]
    public void Bd09ToGcj02_IsWithinHalfAMetreOfThePublishedApproximation()
    {
        // coordtransform README: bd09togcj02(116.404, 39.915) → [116.39762729119315, 39.90865673957631] (closed-form approximation).
        var (x, y) = CoordinateTransformer.Transform("BD09", "GCJ02", 116.404, 39.915);
        Assert.True(Proj.GeodesicMetres(x, y, 116.39762729119315, 39.90865673957631) < 0.5);
    }

    [Theory]
    [MemberData(nameof(WgsToGcj))]
    public void Inverses_RoundTripWithinHalfAMetre_AimingAt1e7Degrees(double lon, double lat, double gcjLon, double gcjLat)
    {
        var (wLon, wLat) = CoordinateTransformer.Transform("GCJ02", "EPSG:4326", gcjLon, gcjLat);
        Assert.True(Proj.GeodesicMetres(wLon, wLat, lon, lat) < 0.5);
        Assert.Equal(lon, wLon, 1e-7);
        Assert.Equal(lat, wLat, 1e-7);

        var bd = CoordinateTransformer.Transform("EPSG:4490", "BD09", lon, lat);
        var back = CoordinateTransformer.Transform("BD09", "EPSG:4490", bd.X, bd.Y);
        Assert.Equal(lon, back.X, 1e-7);
        Assert.Equal(lat, back.Y, 1e-7);
    }

    [Fact]
    public void OutsideChina_Gcj02EqualsWgs84_AsTheReferenceDoes()
    {
        Assert.Equal((2.35, 48.85), CoordinateTransformer.Transform("EPSG:4326", "GCJ02", 2.35, 48.85));
        Assert.Equal((2.35, 48.85), CoordinateTransformer.Transform("GCJ02", "EPSG:4326", 2.35, 48.85));
    }

    [Fact]
    public void Forward_MatchesAnIndependentPythonImplementation_OnManyPoints()
    {
        var random = new Random(20240601);
        var points = Enumerable.Range(0, 300).Select(i => i < 150
            ? (103.9 + random.NextDouble() * 0.4, 30.2 + random.NextDouble() * 0.5) // around Chengdu
            : (74 + random.NextDouble() * 60, 18 + random.NextDouble() * 35)).ToArray(); // all of China
        var reference = PythonReference(points);

        var gcj = CoordinateTransformer.Transform("EPSG:4326", "GCJ02", points);
        var bd = CoordinateTransformer.Transform("EPSG:4326", "BD09", points);

        ProjComparisonTests.AssertClose(reference.Select(r => (r.GcjLon, r.GcjLat)).ToArray(), gcj, ReferenceTolerance);
        ProjComparisonTests.AssertClose(reference.Select(r => (r.BdLon, r.BdLat)).ToArray(), bd, ReferenceTolerance);
    }

    // The reference algorithm written out again in Python, from its description (a = 6378245, e² = 0.00669342162296594323,
    // offset polynomials around (105°E, 35°N), BD-09 with x_pi = π·3000/180), run by Debian's python3.
    private const string PythonScript = """
        import math, sys
        PI = math.pi
        A = 6378245.0
        EE = 0.00669342162296594323
        XPI = PI * 3000.0 / 180.0
        def out_of_china(lon, lat):
            return not (72.004 <= lon <= 137.8347 and 0.8293 <= lat <= 55.8271)
        def dlat(x, y):
            r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
            r += (20.0 * math.sin(6.0 * x * PI) + 20.0 * math.sin(2.0 * x * PI)) * 2.0 / 3.0
            r += (20.0 * math.sin(y * PI) + 40.0 * math.sin(y / 3.0 * PI)) * 2.0 / 3.0
            r += (160.0 * math.sin(y / 12.0 * PI) + 320.0 * math.sin(y * PI / 30.0)) * 2.0 / 3.0
            return r
        def dlon(x, y):
            r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
            r += (20.0 * math.sin(6.0 * x * PI) + 20.0 * math.sin(2.0 * x * PI)) * 2.0 / 3.0
            r += (20.0 * math.sin(x * PI) + 40.0 * math.sin(x / 3.0 * PI)) * 2.0 / 3.0
            r += (150.0 * math.sin(x / 12.0 * PI) + 300.0 * math.sin(x / 30.0 * PI)) * 2.0 / 3.0
            return r
        def gcj(lon, lat):
            if out_of_china(lon, lat):
                return lon, lat
            la = dlat(lon - 105.0, lat - 35.0)
            lo = dlon(lon - 105.0, lat - 35.0)
            rad = lat / 180.0 * PI
            m = 1 - EE * math.sin(rad) ** 2
            la = (la * 180.0) / ((A * (1 - EE)) / (m * math.sqrt(m)) * PI)
            lo = (lo * 180.0) / (A / math.sqrt(m) * math.cos(rad) * PI)
            return lon + lo, lat + la
        def bd(lon, lat):
            z = math.sqrt(lon * lon + lat * lat) + 0.00002 * math.sin(lat * XPI)
            t = math.atan2(lat, lon) + 0.000003 * math.cos(lon * XPI)
            return z * math.cos(t) + 0.0065, z * math.sin(t) + 0.006
        for line in sys.stdin:
            lon, lat = map(float, line.split())
            g = gcj(lon, lat)
            b = bd(*g)
            print("%r %r %r %r" % (g[0], g[1], b[0], b[1]))
        """;

    private static (double GcjLon, double GcjLat, double BdLon, double BdLat)[] PythonReference((double X, double Y)[] points)
    {
        var input = string.Concat(points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:R} {p.Y:R}\n")));
        var output = ExternalTool.Run("/usr/bin/python3", "python3", ["-c", PythonScript], input);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var v = line.Split(' ').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            return (v[0], v[1], v[2], v[3]);
        }).ToArray();
    }
}
