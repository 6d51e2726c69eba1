using NetTopologySuite.IO;
using Platform.Abstractions.Maps;
using Platform.Maps.Ogc;
using Platform.Maps.Ogc.Cql2;

namespace Platform.Maps.Tests.Ogc;

/// <summary>CQL2 text (OGC 21-065): parse cases, three-valued evaluation on hand-made features, and errors with positions.</summary>
public sealed class Cql2ParserTests
{
    private static readonly CqlQueryables Queryables = new(new Dictionary<string, CqlType>
    {
        ["id"] = CqlType.String, ["name"] = CqlType.String, ["level"] = CqlType.String,
        ["area"] = CqlType.Number, ["validFrom"] = CqlType.Temporal, ["open"] = CqlType.Boolean,
    });

    // Four features, hand-built: which ones each filter selects is worked out by hand in the cases below.
    private static readonly MapFeature[] Features =
    [
        Feature("a", "POINT (104.05 30.40)", "兴隆湖社区", "community", 1200.5, "2020-07-01", true),
        Feature("b", "POLYGON ((104.00 30.30, 104.02 30.30, 104.02 30.32, 104.00 30.32, 104.00 30.30))", "蓝家店村", "village", 88000, "2018-01-15", false),
        Feature("c", "LINESTRING (104.10 30.50, 104.20 30.50)", "Ring 100%", "community", null, null, null),
        Feature("d", "POINT (104.30 30.60)", "O'Brien", "village", 5, "2025-12-31", true),
    ];

    [Theory]
    [InlineData("name = '兴隆湖社区'", "a")]
    [InlineData("name <> '兴隆湖社区'", "b,c,d")]
    [InlineData("area > 1000", "a,b")]
    [InlineData("area >= 5 AND area < 1200.5", "d")]
    [InlineData("area <= 5 OR level = 'village'", "b,d")]
    [InlineData("NOT (level = 'community')", "b,d")]
    [InlineData("NOT area > 1000", "d")] // c has no area: NOT unknown stays unknown, so c is not selected
    [InlineData("area IS NULL", "c")]
    [InlineData("area IS NOT NULL", "a,b,d")]
    [InlineData("name LIKE '兴隆%'", "a")]
    [InlineData("name LIKE '%村'", "b")]
    [InlineData("name LIKE 'Ring 100\\%'", "c")]
    [InlineData("name LIKE 'O''Bri_n'", "d")]
    [InlineData("name NOT LIKE '%社区'", "b,c,d")]
    [InlineData("level IN ('village', 'street')", "b,d")]
    [InlineData("id NOT IN ('a','b')", "c,d")]
    [InlineData("area BETWEEN 5 AND 1200.5", "a,d")]
    [InlineData("area NOT BETWEEN 5 AND 1200.5", "b")]
    [InlineData("open", "a,d")]
    [InlineData("open = FALSE", "b")]
    [InlineData("validFrom > DATE('2020-01-01')", "a,d")]
    [InlineData("validFrom = TIMESTAMP('2020-07-01T00:00:00Z')", "a")]
    [InlineData("T_BEFORE(validFrom, DATE('2020-07-01'))", "b")]
    [InlineData("T_AFTER(validFrom, DATE('2020-07-01'))", "d")]
    [InlineData("T_INTERSECTS(validFrom, INTERVAL('2020-01-01', '2020-12-31'))", "a")]
    [InlineData("T_INTERSECTS(validFrom, INTERVAL('..', '2020-07-01'))", "a,b")]
    [InlineData("T_DURING(validFrom, INTERVAL(DATE('2018-01-01'), '..'))", "a,b,d")]
    [InlineData("t_after(validFrom, TIMESTAMP('2020-06-30T16:00:00Z'))", "a,d")]
    [InlineData("S_INTERSECTS(geometry, POLYGON((104.0 30.3, 104.1 30.3, 104.1 30.45, 104.0 30.45, 104.0 30.3)))", "a,b")]
    [InlineData("S_INTERSECTS(geometry, BBOX(104.15, 30.4, 104.5, 30.7))", "c,d")]
    [InlineData("S_INTERSECTS(geometry, LINESTRING(104.15 30.0, 104.15 31.0))", "c")]
    [InlineData("S_INTERSECTS(geometry, POINT(104.01 30.31))", "b")]
    [InlineData("S_WITHIN(geometry, BBOX(104.0, 30.3, 104.1, 30.45))", "a,b")]
    [InlineData("S_DISJOINT(geometry, BBOX(104.0, 30.3, 104.1, 30.45))", "c,d")]
    [InlineData("s_intersects(geometry, MULTIPOINT((104.05 30.40), (104.30 30.60))) and level = 'village'", "d")]
    [InlineData("(level = 'village' OR level = 'community') AND (area < 10 OR name LIKE '兴%')", "a,d")]
    [InlineData("\"name\" = 'O''Brien'", "d")]
    public void Filter_SelectsTheHandCountedFeatures(string filter, string expected)
    {
        var predicate = CqlParser.Parse(filter, Queryables, OgcCrs.Crs84.ToStorage);
        Assert.Equal(expected, string.Join(',', Features.Where(predicate.Matches).Select(f => f.Id)));
    }

    [Fact]
    public void FilterCrs_LatLonLiteral_SelectsLikeTheLonLatOne()
    {
        var lonLat = CqlParser.Parse("S_INTERSECTS(geometry, BBOX(104.0, 30.3, 104.1, 30.45))", Queryables, OgcCrs.Crs84.ToStorage);
        var latLon = CqlParser.Parse("S_INTERSECTS(geometry, BBOX(30.3, 104.0, 30.45, 104.1))", Queryables, OgcCrs.Storage.ToStorage);
        Assert.Equal("a,b", string.Join(',', Features.Where(lonLat.Matches).Select(f => f.Id)));
        Assert.Equal("a,b", string.Join(',', Features.Where(latLon.Matches).Select(f => f.Id)));
        // Read as lon/lat, the same numbers are in the Indian Ocean and select nothing: the axis order is used.
        var misread = CqlParser.Parse("S_INTERSECTS(geometry, BBOX(30.3, 104.0, 30.45, 104.1))", Queryables, OgcCrs.Crs84.ToStorage);
        Assert.DoesNotContain(Features, misread.Matches);
    }

    [Theory]
    [InlineData("nmae = 'x'", 1, "Unknown property 'nmae'")]
    [InlineData("level = 'village' AND colour = 'red'", 23, "Unknown property 'colour'")]
    [InlineData("name = ", 8, "ends where a property or value")]
    [InlineData("name 'x'", 6, "comparison operator")]
    [InlineData("name = 'unclosed", 8, "not closed")]
    [InlineData("area > '12'", 6, "Cannot compare a number with text")]
    [InlineData("validFrom > '2020-01-01'", 11, "DATE(")]
    [InlineData("validFrom > DATE('2020-13-01')", 18, "not a date")]
    [InlineData("area LIKE '1%'", 1, "text properties only")]
    [InlineData("(level = 'village'", 19, "')'")]
    [InlineData("level = 'village' level = 'x'", 19, "after a complete condition")]
    [InlineData("S_INTERSECTS(geometry, POLYGON((104 30, 105 30)))", 24, "not valid WKT")]
    [InlineData("S_INTERSECTS(name, POINT(104 30))", 14, "not a geometry")]
    [InlineData("S_INTERSECTS(geometry, BBOX(105, 30, 104, 31))", 24, "inverted")]
    [InlineData("T_BEFORE(area, DATE('2020-01-01'))", 10, "not a date")]
    [InlineData("T_INTERSECTS(validFrom, INTERVAL('2021-01-01', '2020-01-01'))", 25, "ends before it starts")]
    [InlineData("geometry = 'x'", 1, "is the geometry")]
    [InlineData("level = 'a' # 1", 13, "Unexpected character '#'")]
    [InlineData("  ", 1, "empty")]
    public void BadFilter_IsRefused_NamingThePosition(string filter, int position, string reason)
    {
        var e = Assert.Throws<CqlException>(() => CqlParser.Parse(filter, Queryables, OgcCrs.Crs84.ToStorage));
        Assert.Equal(position, e.Position);
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(e.ReasonZh));
    }

    private static MapFeature Feature(string id, string wkt, string name, string level, double? area, string? validFrom, bool? open) =>
        new(id, Platform.Spatial.StorageCrs.Factory.CreateGeometry(new WKTReader().Read(wkt)), new Dictionary<string, object?>
        {
            ["name"] = name, ["level"] = level, ["area"] = area, ["validFrom"] = validFrom, ["open"] = open,
        });
}
