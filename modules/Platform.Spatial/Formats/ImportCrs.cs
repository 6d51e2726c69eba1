using System.Text;

namespace Platform.Spatial;

/// <summary>Decides the CRS of an imported file: the caller's override, else the file's own definition.</summary>
internal static class ImportCrs
{
    public static CrsDefinition FromPrj(byte[]? prj, string? overrideName, string layer)
    {
        if (overrideName is not null)
        {
            return Override(overrideName);
        }

        if (prj is null || prj.Length == 0)
        {
            throw new FeatureImportException(
                $"The shapefile '{layer}' has no .prj, so its coordinate system is unknown; add the .prj or name the source CRS.",
                $"shapefile“{layer}”缺少 .prj 文件，坐标系未知；请补充 .prj 或指定源坐标系。");
        }

        return FromWkt(Encoding.UTF8.GetString(prj).Trim('\uFEFF', ' ', '\r', '\n', '\t'), $"the .prj of '{layer}'");
    }

    public static CrsDefinition FromWkt(string wkt, string where)
    {
        try
        {
            return WktCrsRecognizer.Recognize(wkt);
        }
        catch (UnknownCrsException ex)
        {
            throw new FeatureImportException($"Unrecognised coordinate system in {where}: {ex.Message}",
                $"{where} 中的坐标系无法识别：{ex.Given}。请先转换为 CGCS2000（EPSG:4490）或支持的高斯–克吕格投影。", ex);
        }
    }

    public static CrsDefinition Override(string name)
    {
        try
        {
            return CrsRegistry.Resolve(name);
        }
        catch (UnknownCrsException ex)
        {
            throw new FeatureImportException(ex.Message, $"未知的坐标系“{name}”。", ex);
        }
    }
}
