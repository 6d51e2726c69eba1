using System.Text;

namespace Platform.Spatial;

/// <summary>How <see cref="CsvPoints.Import"/> reads a table of points.</summary>
public sealed class CsvImportOptions
{
    /// <summary>Longitude (or easting) column. Default <c>lon</c>; when left at the default, <c>lng</c>, <c>longitude</c>, <c>x</c> and <c>经度</c> are also tried.</summary>
    public string LonColumn { get; set; } = "lon";

    /// <summary>Latitude (or northing) column. Default <c>lat</c>; when left at the default, <c>latitude</c>, <c>y</c> and <c>纬度</c> are also tried.</summary>
    public string LatColumn { get; set; } = "lat";

    /// <summary>CRS of the coordinates, e.g. <c>GCJ02</c> for points copied from Amap. Default EPSG:4490.</summary>
    public string Crs { get; set; } = StorageCrs.Code;

    /// <summary>Text encoding; null = byte-order mark, else UTF-8 when valid, else GBK (what Excel writes on Chinese Windows).</summary>
    public Encoding? Encoding { get; set; }

    /// <summary>Field delimiter. Default comma.</summary>
    public char Delimiter { get; set; } = ',';

    /// <summary>Name of the resulting layer.</summary>
    public string LayerName { get; set; } = "points";
}
