using System.Text;

namespace Platform.Spatial;

/// <summary>How <see cref="ShapefileZip.Import"/> reads an archive.</summary>
public sealed class ShapefileImportOptions
{
    /// <summary>Attribute encoding; overrides the <c>.cpg</c>. Null: the <c>.cpg</c>, else the dBase language driver, else detection (UTF-8 if valid, else GBK).</summary>
    public Encoding? Encoding { get; set; }

    /// <summary>Source CRS name (e.g. <c>EPSG:4544</c>); overrides the <c>.prj</c> and is required when there is none.</summary>
    public string? SourceCrs { get; set; }

    /// <summary>Which shapefile to read (base name without <c>.shp</c>) when the archive holds several.</summary>
    public string? LayerName { get; set; }

    /// <summary>Refuse archives whose parts unpack to more than this many bytes. Default 1 GiB.</summary>
    public long MaxUncompressedBytes { get; set; } = 1L << 30;
}
