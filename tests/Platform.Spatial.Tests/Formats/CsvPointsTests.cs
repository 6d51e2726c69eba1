using System.Text;

namespace Platform.Spatial.Tests;

public sealed class CsvPointsTests
{
    [Fact]
    public void Import_Gcj02Points_ConvertsToCgcs2000()
    {
        // eviltransform's Shanghai vector: WGS 84 (121.5272106, 31.1774276) is GCJ-02 (121.531541859215, 31.17530398364597).
        var csv = "名称,经度,纬度\n\"陆家嘴, 东方明珠\",121.531541859215,31.17530398364597\n"u8.ToArray();

        var layer = CsvPoints.Import(new MemoryStream(csv), new CsvImportOptions { Crs = "GCJ02" });

        var point = (NetTopologySuite.Geometries.Point)layer.Features.Single().Geometry;
        Assert.True(Proj.GeodesicMetres(point.X, point.Y, 121.5272106, 31.1774276) < 0.5);
        Assert.Equal("陆家嘴, 东方明珠", layer.Features[0].Attributes["名称"]);
        Assert.Equal("GCJ02", layer.SourceCrs);
    }

    [Fact]
    public void Import_GbkFromExcel_IsDetected()
    {
        var csv = AttributeEncodings.Gbk.GetBytes("name,lon,lat\r\n兴隆街道,104.07,30.4\r\n");

        var layer = CsvPoints.Import(new MemoryStream(csv));

        Assert.Equal("兴隆街道", layer.Features[0].Attributes["name"]);
        Assert.StartsWith("GBK", layer.SourceEncoding);
    }

    [Fact]
    public void Import_GbkDeclaredUtf8_IsRefusedAsGarbled()
    {
        var csv = AttributeEncodings.Gbk.GetBytes("name,lon,lat\r\n兴隆街道,104.07,30.4\r\n");

        var ex = Assert.Throws<FeatureImportException>(() =>
            CsvPoints.Import(new MemoryStream(csv), new CsvImportOptions { Encoding = Encoding.UTF8 }));

        Assert.Contains("garbled", ex.Message);
    }

    [Theory]
    [InlineData("lon,lat\n104.07,abc\n", "row 2, column 'lat': 'abc' is not a finite number")]
    [InlineData("x_coord,y_coord\n104.07,30.4\n", "no column 'lon'")]
    [InlineData("lon,lat\n30.4,104.07\n", "row 2")] // swapped: latitude 104 is out of range
    public void Import_BadRows_NameRowAndColumn(string text, string reason)
    {
        var ex = Assert.Throws<FeatureImportException>(() => CsvPoints.Import(new MemoryStream(Encoding.UTF8.GetBytes(text))));
        Assert.Contains(reason, ex.Message);
    }

    [Fact]
    public void Import_CustomColumnsAndProjectedCrs()
    {
        var expected = Proj.Transform("EPSG:4544", "EPSG:4490", [(410_627.875764, 3_364_822.785738)])[0];
        var csv = "X坐标;Y坐标;备注\n410627.875764;3364822.785738;\n"u8.ToArray();

        var layer = CsvPoints.Import(new MemoryStream(csv), new CsvImportOptions
        {
            LonColumn = "X坐标", LatColumn = "Y坐标", Crs = "EPSG:4544", Delimiter = ';',
        });

        var point = layer.Features[0].Geometry.Coordinate;
        Assert.Equal(expected.X, point.X, 1e-9);
        Assert.Equal(expected.Y, point.Y, 1e-9);
        Assert.Null(layer.Features[0].Attributes["备注"]);
    }

    [Fact]
    public void Export_WritesBomHeaderAndQuotedCells_AndReadsBack()
    {
        var layer = new FeatureLayer("p", [new FeatureRecord(StorageCrs.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(104.07, 30.4)),
            new Dictionary<string, object?> { ["名称"] = "兴隆\"街道\", 一组", ["人口"] = 12L })]);
        var output = new MemoryStream();

        CsvPoints.Export(layer, output);

        var bytes = output.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("lon,lat,名称,人口\r\n104.07,30.4,\"兴隆\"\"街道\"\", 一组\",12\r\n", Encoding.UTF8.GetString(bytes[3..]));
        var back = CsvPoints.Import(new MemoryStream(bytes));
        Assert.Equal("兴隆\"街道\", 一组", back.Features[0].Attributes["名称"]);
    }
}
