using System.Text;

namespace Platform.Spatial.Tests;

/// <summary>Files written by GDAL (ogr2ogr) in various CRSs and encodings, imported and converted to EPSG:4490.</summary>
public sealed class ImportTests : IDisposable
{
    private const double Tolerance = 1e-7;
    private readonly TempFolder _folder = new();

    public ImportTests() => File.WriteAllText(_folder.File("in.geojson"), LayerSamples.GeoJson(), new UTF8Encoding(false));

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("EPSG:4544")]
    [InlineData("EPSG:4523")]
    [InlineData("EPSG:4507")]
    [InlineData("EPSG:4496")]
    [InlineData("EPSG:3857")]
    [InlineData("EPSG:4326")]
    [InlineData("EPSG:4490")]
    public void GdalShapefile_InAnySupportedCrs_IsConvertedTo4490(string crs)
    {
        using var zip = GdalShapefile(crs, "UTF-8");

        var layer = ShapefileZip.Import(zip);

        Assert.Equal(crs, layer.SourceCrs);
        LayerSamples.AssertSameCommunities(layer, Tolerance);
    }

    [Fact]
    public void GbkShapefile_DecodedThroughItsCpg()
    {
        using var zip = GdalShapefile("EPSG:4544", "CP936");

        var layer = ShapefileZip.Import(zip);

        Assert.Equal("GBK (.cpg)", layer.SourceEncoding);
        LayerSamples.AssertSameCommunities(layer, Tolerance);
    }

    [Fact]
    public void GbkShapefile_WithoutCpg_IsDetected()
    {
        using var zip = GdalShapefile("EPSG:4490", "CP936", (name, bytes) => name.EndsWith(".cpg") ? null : bytes);

        var layer = ShapefileZip.Import(zip);

        Assert.StartsWith("GBK (detected", layer.SourceEncoding);
        LayerSamples.AssertSameCommunities(layer, Tolerance);
    }

    [Fact]
    public void GbkBytesDeclaredUtf8_AreRefusedAsGarbled()
    {
        using var zip = GdalShapefile("EPSG:4490", "CP936", (name, bytes) => name.EndsWith(".cpg") ? "UTF-8"u8.ToArray() : bytes);

        var ex = Assert.Throws<FeatureImportException>(() => ShapefileZip.Import(zip));

        Assert.Contains("garbled", ex.Message);
        Assert.Contains("GBK", ex.Message);
        Assert.Contains("乱码", ex.MessageZh);
    }

    [Fact]
    public void GbkBytesDeclaredUtf8_ImportWhenTheCallerSaysGbk()
    {
        using var zip = GdalShapefile("EPSG:4490", "CP936", (name, bytes) => name.EndsWith(".cpg") ? "UTF-8"u8.ToArray() : bytes);

        var layer = ShapefileZip.Import(zip, new ShapefileImportOptions { Encoding = AttributeEncodings.Gbk });

        LayerSamples.AssertSameCommunities(layer, Tolerance);
    }

    [Fact]
    public void UnknownPrj_IsAnError_NamingWhatWasFound()
    {
        using var zip = GdalShapefile("EPSG:4610", "UTF-8"); // Xi'an 1980 geographic

        var ex = Assert.Throws<FeatureImportException>(() => ShapefileZip.Import(zip));

        Assert.Contains("Xian_1980", ex.Message);
        Assert.Contains(".prj", ex.Message);
    }

    [Fact]
    public void MissingPrj_IsAnError_UnlessTheCallerNamesTheCrs()
    {
        using var zip = GdalShapefile("EPSG:4544", "UTF-8", (name, bytes) => name.EndsWith(".prj") ? null : bytes);
        Assert.Contains("no .prj", Assert.Throws<FeatureImportException>(() => ShapefileZip.Import(zip)).Message);

        zip.Position = 0;
        var layer = ShapefileZip.Import(zip, new ShapefileImportOptions { SourceCrs = "EPSG:4544" });
        LayerSamples.AssertSameCommunities(layer, Tolerance);
    }

    [Fact]
    public void NotAZip_IsAnError()
    {
        var ex = Assert.Throws<FeatureImportException>(() => ShapefileZip.Import(new MemoryStream("not a zip"u8.ToArray())));
        Assert.Contains("zip", ex.Message);
    }

    [Fact]
    public void GdalGeoPackage_InAGaussKrugerZone_IsConvertedTo4490()
    {
        var path = _folder.File("gk.gpkg");
        Gdal.Ogr2Ogr("-f", "GPKG", "-s_srs", "EPSG:4490", "-t_srs", "EPSG:4544", path, _folder.File("in.geojson"));

        var layer = GeoPackageFile.Import(path);

        Assert.Equal("EPSG:4544", layer.SourceCrs);
        LayerSamples.AssertSameCommunities(layer, Tolerance);
    }

    [Fact]
    public void GdalGeoPackage_InXian1980_IsAnError_NamingIt()
    {
        var path = _folder.File("xian.gpkg");
        Gdal.Ogr2Ogr("-f", "GPKG", "-s_srs", "EPSG:4490", "-t_srs", "EPSG:2383", path, _folder.File("in.geojson"));

        var ex = Assert.Throws<FeatureImportException>(() => GeoPackageFile.Import(path));

        Assert.Contains("Xian 1980", ex.Message);
    }

    [Fact]
    public void OwnExports_RoundTrip_WithTypesAndChineseText()
    {
        var layer = LayerSamples.Layer();
        foreach (var encoding in new[] { AttributeEncodings.Utf8, AttributeEncodings.Gbk })
        {
            var zip = new MemoryStream();
            ShapefileZip.Export(layer, zip, new ShapefileExportOptions { Encoding = encoding });
            zip.Position = 0;
            var shp = ShapefileZip.Import(zip);
            LayerSamples.AssertSameCommunities(shp, 1e-12);
            Assert.Equal("老旧小区改造", shp.Features[0].Attributes["备注"]);
        }

        var gpkg = new MemoryStream();
        GeoPackageFile.Export(layer, gpkg);
        gpkg.Position = 0;
        var back = GeoPackageFile.Import(gpkg);
        LayerSamples.AssertSameCommunities(back, 0);
        Assert.Equal(new DateOnly(2021, 7, 1), back.Features[1].Attributes["成立日期"]);
        Assert.Equal(false, back.Features[1].Attributes["有效"]);
        Assert.Null(back.Features[2].Attributes["备注"]);
    }

    private MemoryStream GdalShapefile(string crs, string encoding, Func<string, byte[], byte[]?>? edit = null)
    {
        var stem = $"s{Guid.NewGuid():N}";
        Gdal.Ogr2Ogr("-f", "ESRI Shapefile", "-lco", $"ENCODING={encoding}", "-s_srs", "EPSG:4490", "-t_srs", crs,
            _folder.File(stem + ".shp"), _folder.File("in.geojson"));
        return LayerSamples.Zip(_folder.Path, stem, edit);
    }
}
