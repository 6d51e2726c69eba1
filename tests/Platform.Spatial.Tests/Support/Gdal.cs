namespace Platform.Spatial.Tests;

/// <summary>GDAL as the independent reader and writer of GIS files (Debian gdal-bin).</summary>
internal static class Gdal
{
    private const string Package = "gdal-bin";

    public static string OgrInfo(params string[] arguments) => ExternalTool.Run("ogrinfo", Package, ["-ro", .. arguments]);

    public static void Ogr2Ogr(params string[] arguments) => ExternalTool.Run("ogr2ogr", Package, arguments);
}
