using System.Text.RegularExpressions;

namespace Platform.Spatial.Tests;

/// <summary>Exports read back by GDAL's ogrinfo: same count, Chinese attributes intact, coordinates within 1e-7°, CGCS2000.</summary>
public sealed partial class GdalReadsExportsTests : IDisposable
{
    private const double Tolerance = 1e-7;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void ZippedShapefile_Utf8_IsReadByGdal()
    {
        var zip = _folder.File("社区.zip");
        using (var output = File.Create(zip))
        {
            ShapefileZip.Export(LayerSamples.Layer(), output);
        }

        AssertGdalSees($"/vsizip/{zip}/社区.shp");
    }

    [Fact]
    public void ZippedShapefile_Gbk_IsReadByGdal_ThroughItsCpg()
    {
        var zip = _folder.File("gbk.zip");
        using (var output = File.Create(zip))
        {
            ShapefileZip.Export(LayerSamples.Layer("gbk"), output, new ShapefileExportOptions { Encoding = AttributeEncodings.Gbk });
        }

        AssertGdalSees($"/vsizip/{zip}/gbk.shp");
    }

    [Fact]
    public void GeoPackage_IsReadByGdal()
    {
        var path = _folder.File("社区.gpkg");
        GeoPackageFile.Export(LayerSamples.Layer(), path);

        var output = AssertGdalSees(path);
        Assert.Contains("成立日期 (Date) = 2021/07/01", output);
        Assert.Contains("有效 (Integer(Boolean)) = 0", output);
    }

    [Fact]
    public void LongChineseFieldName_IsCutToTenBytes_AtACharacterBoundary()
    {
        var layer = new FeatureLayer("long", [new FeatureRecord(LayerSamples.Polygon(LayerSamples.Communities[0].Ring),
            new Dictionary<string, object?> { ["社区名称全称"] = "兴隆街道", ["社区名称简称"] = "兴隆" })]);
        var zip = _folder.File("long.zip");
        using (var output = File.Create(zip))
        {
            ShapefileZip.Export(layer, output);
        }

        var info = Gdal.OgrInfo("-al", $"/vsizip/{zip}/long.shp");
        Assert.Contains("社区名 (String) = 兴隆街道", info); // 9 bytes of UTF-8
        Assert.Contains("社区_1 (String) = 兴隆", info);
    }

    private static string AssertGdalSees(string path)
    {
        var summary = Gdal.OgrInfo("-al", "-so", path);
        Assert.Contains("Feature Count: 3", summary);
        Assert.Contains("China Geodetic Coordinate System 2000", summary);
        Assert.Contains("ID[\"EPSG\",4490]", summary);

        var output = Gdal.OgrInfo("-al", path);
        foreach (var community in LayerSamples.Communities)
        {
            Assert.Contains($"名称 (String) = {community.Name}", output);
            Assert.Contains($"人口 (Integer64) = {community.Population}", output);
        }

        // Shapefiles store outer rings clockwise, so compare normalised rings, vertex by vertex.
        var polygons = PolygonLine().Matches(output).Select(m => WellKnownText.Read(m.Value.Trim())).ToArray();
        Assert.Equal(3, polygons.Length);
        for (var i = 0; i < polygons.Length; i++)
        {
            var actual = polygons[i].Copy();
            actual.Normalize();
            var expected = LayerSamples.Polygon(LayerSamples.Communities[i].Ring);
            expected.Normalize();
            Assert.Equal(expected.NumPoints, actual.NumPoints);
            for (var k = 0; k < expected.NumPoints; k++)
            {
                var (e, a) = (expected.Coordinates[k], actual.Coordinates[k]);
                Assert.True(Math.Abs(e.X - a.X) <= Tolerance && Math.Abs(e.Y - a.Y) <= Tolerance, $"polygon {i} vertex {k}: {e} vs {a}");
            }
        }

        return output;
    }

    [GeneratedRegex(@"^\s*(MULTI)?POLYGON \(.*$", RegexOptions.Multiline)]
    private static partial Regex PolygonLine();
}
