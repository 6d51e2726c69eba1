using System.Text;

namespace Platform.Spatial;

/// <summary>How <see cref="CsvPoints.Export"/> writes a table of points.</summary>
public sealed class CsvExportOptions
{
    /// <summary>Longitude (or easting) column name. Default <c>lon</c>.</summary>
    public string LonColumn { get; set; } = "lon";

    /// <summary>Latitude (or northing) column name. Default <c>lat</c>.</summary>
    public string LatColumn { get; set; } = "lat";

    /// <summary>CRS to write the coordinates in. Default EPSG:4490.</summary>
    public string Crs { get; set; } = StorageCrs.Code;

    /// <summary>Text encoding. Default UTF-8 with byte-order mark, so that Excel opens Chinese text correctly.</summary>
    public Encoding Encoding { get; set; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Field delimiter. Default comma.</summary>
    public char Delimiter { get; set; } = ',';
}
