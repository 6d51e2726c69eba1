using System.Text;

namespace Platform.Spatial;

/// <summary>How <see cref="ShapefileZip.Export"/> writes an archive.</summary>
public sealed class ShapefileExportOptions
{
    /// <summary>
    /// Attribute encoding, declared in the <c>.cpg</c>: UTF-8 (default; <c>.cpg</c> "UTF-8") or
    /// <see cref="AttributeEncodings.Gbk"/> for old ArcGIS versions (<c>.cpg</c> "936").
    /// </summary>
    public Encoding Encoding { get; set; } = AttributeEncodings.Utf8;
}
