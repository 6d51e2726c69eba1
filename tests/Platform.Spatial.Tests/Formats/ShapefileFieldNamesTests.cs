using System.Text;
using Platform.Spatial;

namespace Platform.Spatial.Tests.Formats;

/// <summary>The documented long → short dBase name mapping, and the sidecar that restores long names on import.</summary>
public sealed class ShapefileFieldNamesTests
{
    [Fact]
    public void LongNames_KeepTheirWords_WithinTenBytes_AsTheDocsShow()
    {
        // By hand, from the rule in the docs: words cut to an even share of 10 letters, shortest words whole.
        var names = ShapefileFieldNames.Shorten(["name", "propertyCompany", "areaSquareMetres", "communityName", "budgetWan"], Encoding.UTF8);
        Assert.Equal(["name", "propeCompa", "areaSquMet", "communName", "budgetWan"], names);
    }

    [Fact]
    public void Collisions_TakeNumberedEndings_AndChineseNamesAreCutAtCharacters()
    {
        var names = ShapefileFieldNames.Shorten(["propertyCompanyA", "propertyCompanyB", "PROPECOMPA", "所在社区名称", "所在社区名字"], Encoding.UTF8);
        Assert.All(names, n => Assert.True(Encoding.UTF8.GetByteCount(n) <= 10, n));
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal("所在社", names[3]); // 3 × 3 bytes
        Assert.Equal("所在_1", names[4]); // the ending leaves 8 bytes: 2 × 3, then "_1"
        Assert.Equal(["所在社", "所在_1"], ShapefileFieldNames.Shorten(["所在社区名称", "所在社区名字"], AttributeEncodings.Utf8));
    }

    [Fact]
    public void AShapefileExportedAndImported_ComesBackWithItsLongNames()
    {
        var layer = new FeatureLayer("sites", [new FeatureRecord(StorageCrs.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(104.07, 30.4)),
            new Dictionary<string, object?> { ["name"] = "湖畔公园", ["propertyCompany"] = "兴隆物业", ["areaSquareMetres"] = 1234.5 })]);
        using var zip = new MemoryStream();
        ShapefileZip.Export(layer, zip);
        zip.Position = 0;
        var back = ShapefileZip.Import(zip);
        Assert.Equal(["name", "propertyCompany", "areaSquareMetres"], back.FieldNames());
        Assert.Equal("兴隆物业", back.Features[0].Attributes["propertyCompany"]);
    }

    [Fact]
    public void ASidecarNamingAMissingField_OrAnExistingName_ChangesNothing()
    {
        var map = ShapefileFieldNames.Read(ShapefileFieldNames.Sidecar([("propeCompa", "propertyCompany"), ("gone", "vanished"), ("name2", "name")]));
        var restored = ShapefileFieldNames.Restore(new Dictionary<string, object?> { ["propeCompa"] = 1, ["name"] = 2, ["name2"] = 3 }, map);
        Assert.Equal(["propertyCompany", "name", "name2"], restored.Keys);
        Assert.Null(ShapefileFieldNames.Read("not json"u8.ToArray()));
    }
}
