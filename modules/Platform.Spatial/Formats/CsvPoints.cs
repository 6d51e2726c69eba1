using System.Globalization;
using System.Text;

namespace Platform.Spatial;

/// <summary>
/// CSV tables of points with longitude/latitude (or easting/northing) columns, in any CRS of the registry.
/// Import converts to EPSG:4490 and keeps the other columns as text attributes (empty cells become null).
/// </summary>
public static class CsvPoints
{
    private static readonly string[] LonAliases = ["lon", "lng", "longitude", "x", "经度"];
    private static readonly string[] LatAliases = ["lat", "latitude", "y", "纬度"];

    /// <summary>Reads points from CSV text.</summary>
    /// <exception cref="FeatureImportException">Missing columns, non-numbers, out-of-range coordinates, garbled text; names row and column.</exception>
    public static FeatureLayer Import(Stream csv, CsvImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(csv);
        options ??= new CsvImportOptions();
        var crs = ImportCrs.Override(options.Crs);
        using var buffer = new MemoryStream();
        csv.CopyTo(buffer);
        var (text, encodingUsed) = Decode(buffer.ToArray(), options.Encoding);

        var rows = CsvTable.Parse(text, options.Delimiter);
        if (rows.Count == 0)
        {
            throw new FeatureImportException("The CSV file is empty.", "CSV 文件为空。");
        }

        var header = rows[0].Select(h => h.Trim()).ToArray();
        var lon = Column(header, options.LonColumn, options.LonColumn == "lon" ? LonAliases : []);
        var lat = Column(header, options.LatColumn, options.LatColumn == "lat" ? LatAliases : []);
        var transformation = CoordinateTransformer.Create(crs.Code, StorageCrs.Code);
        var features = new List<FeatureRecord>(rows.Count - 1);
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            var x = Number(row, lon, header, r);
            var y = Number(row, lat, header, r);
            (double X, double Y) p;
            try
            {
                p = transformation.Transform(x, y, r - 1);
            }
            catch (CoordinateOutOfRangeException ex)
            {
                throw new FeatureImportException($"CSV row {r + 1}: {ex.Reason} (CRS {crs.Code}).",
                    $"CSV 第 {r + 1} 行的坐标无效：{ex.Reason}", ex);
            }

            var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var c = 0; c < header.Length; c++)
            {
                if (c != lon && c != lat)
                {
                    attributes[header[c]] = c < row.Length && row[c].Length > 0 ? row[c] : null;
                }
            }

            features.Add(new FeatureRecord(StorageCrs.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(p.X, p.Y)), attributes));
        }

        return new FeatureLayer(options.LayerName, features) { SourceCrs = crs.Code, SourceEncoding = encodingUsed };
    }

    /// <summary>Writes a layer of points as CSV: the two coordinate columns first, then the attributes.</summary>
    /// <exception cref="ArgumentException">A feature is not a point.</exception>
    /// <exception cref="CoordinateOutOfRangeException">A point cannot be expressed in the requested CRS.</exception>
    public static void Export(FeatureLayer layer, Stream output, CsvExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(layer);
        options ??= new CsvExportOptions();
        var transformation = CoordinateTransformer.Create(StorageCrs.Code, options.Crs);
        var fields = layer.FieldNames();
        var d = options.Delimiter;
        using var writer = new StreamWriter(output, options.Encoding, leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(string.Join(d, new[] { options.LonColumn, options.LatColumn }.Concat(fields).Select(f => CsvTable.Field(f, d))));
        for (var i = 0; i < layer.Features.Count; i++)
        {
            var feature = layer.Features[i];
            if (feature.Geometry is not NetTopologySuite.Geometries.Point { IsEmpty: false } point)
            {
                throw new ArgumentException($"CSV export holds points only; feature {i} is a {feature.Geometry.GeometryType}.", nameof(layer));
            }

            var (x, y) = transformation.Transform(point.X, point.Y, i);
            var cells = new[] { Format(x), Format(y) }
                .Concat(fields.Select(f => Format(feature.Attributes.GetValueOrDefault(f))));
            writer.WriteLine(string.Join(d, cells.Select(c => CsvTable.Field(c, d))));
        }
    }

    private static (string Text, string How) Decode(byte[] bytes, Encoding? parameter)
    {
        ReadOnlySpan<byte> utf8Bom = [0xEF, 0xBB, 0xBF];
        if (parameter is null && bytes.AsSpan().StartsWith(utf8Bom))
        {
            parameter = AttributeEncodings.Utf8;
            bytes = bytes[3..];
        }
        else if (parameter is null && bytes.Length >= 2 && (bytes[0], bytes[1]) is (0xFF, 0xFE) or (0xFE, 0xFF))
        {
            var unicode = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return (unicode.GetString(bytes, 2, bytes.Length - 2), $"{unicode.WebName} (byte-order mark)");
        }

        var (encoding, how) = AttributeEncodings.Choose(parameter, null, "", bytes);
        AttributeEncodings.RequireDecodable(encoding, how, bytes, "the CSV file");
        var text = encoding.GetString(bytes);
        if (AttributeEncodings.LooksGarbled(text))
        {
            throw AttributeEncodings.Garbled("the CSV file", AttributeEncodings.DisplayName(encoding));
        }

        return (text, $"{AttributeEncodings.DisplayName(encoding)} ({how})");
    }

    private static int Column(string[] header, string wanted, string[] aliases)
    {
        foreach (var name in aliases.Length > 0 ? aliases : [wanted])
        {
            var index = Array.FindIndex(header, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                return index;
            }
        }

        throw new FeatureImportException(
            $"The CSV has no column '{wanted}' (columns: {string.Join(", ", header)}); name the coordinate columns.",
            $"CSV 中没有“{wanted}”列（现有列：{string.Join("、", header)}），请指定坐标列。");
    }

    private static double Number(string[] row, int column, string[] header, int r)
    {
        var cell = column < row.Length ? row[column].Trim() : "";
        return double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new FeatureImportException(
                $"CSV row {r + 1}, column '{header[column]}': '{cell}' is not a finite number.",
                $"CSV 第 {r + 1} 行“{header[column]}”列的值“{cell}”不是有效数字。");
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        double v => v.ToString("R", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
