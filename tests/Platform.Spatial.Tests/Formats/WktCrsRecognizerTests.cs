namespace Platform.Spatial.Tests;

/// <summary>Definitions as PROJ writes them (ESRI .prj, GDAL WKT1, WKT2) are recognised as the right system.</summary>
public sealed class WktCrsRecognizerTests
{
    public static TheoryData<string, string> Definitions()
    {
        var data = new TheoryData<string, string>();
        foreach (var code in new[] { 4490, 4326, 3857, 4544, 4523, 4534, 4554, 4513, 4533, 4491, 4501, 4502, 4507, 4512 })
        {
            foreach (var format in new[] { "WKT1_ESRI", "WKT1_GDAL", "WKT2_2019" })
            {
                data.Add($"EPSG:{code}", format);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Definitions))]
    public void ProjDefinitions_AreRecognised(string code, string format) =>
        Assert.Equal(code, WktCrsRecognizer.Recognize(Proj.ProjInfo(code, format)).Code);

    [Theory]
    [InlineData(105, 35_500_000, "EPSG:4523")]
    [InlineData(105, 500_000, "EPSG:4544")]
    [InlineData(105, 18_500_000, "EPSG:4496")]
    [InlineData(81, 500_000, "EPSG:4536")] // CM 81 is both a 3- and 6-degree meridian: the 3-degree system unless named
    public void GaussKrugerWithoutAuthority_IsMatchedByDatumMeridianAndFalseEasting(double meridian, double falseEasting, string code)
    {
        var wkt = $"PROJCS[\"my survey grid\",GEOGCS[\"CGCS2000\",DATUM[\"China 2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101]]," +
                  $"PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"]," +
                  $"PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",{meridian}],PARAMETER[\"scale_factor\",1]," +
                  $"PARAMETER[\"false_easting\",{falseEasting}],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]]";
        Assert.Equal(code, WktCrsRecognizer.Recognize(wkt).Code);
    }

    [Theory]
    [InlineData("EPSG:2383", "Xian_1980_3_Degree_GK_CM_114E")] // Xi'an 1980 Gauss–Krüger
    [InlineData("EPSG:4610", "Xian 1980")]
    [InlineData("EPSG:4214", "Beijing 1954")]
    [InlineData("EPSG:32648", "UTM_Zone_48N")] // WGS 84 / UTM: projected but not supported
    public void OtherSystems_AreUnknown_NamingWhatWasFound(string code, string name)
    {
        var ex = Assert.Throws<UnknownCrsException>(() => WktCrsRecognizer.Recognize(Proj.ProjInfo(code, "WKT1_ESRI")
            is { Length: > 0 } esri ? esri : Proj.ProjInfo(code, "WKT1_GDAL")));
        Assert.Contains(name.Replace(' ', '_'), ex.Message.Replace(' ', '_'));
    }

    [Fact]
    public void Garbage_IsUnknown() =>
        Assert.Throws<UnknownCrsException>(() => WktCrsRecognizer.Recognize("GEOGCS[\"broken\""));
}
