using System.Globalization;
using System.Text;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Dbf.Fields;
using NetTopologySuite.IO.Esri.Shapefiles.Writers;

namespace Platform.Spatial;

/// <summary>dBase fields for a layer's attributes: names within 10 bytes, types from the values, text widths in bytes.</summary>
internal sealed class DbfSchema
{
    private const int MaxTextBytes = 254;

    private readonly Encoding _encoding;
    private readonly List<(string Attribute, string Field, FieldKind Kind, int Width)> _fields = [];

    private DbfSchema(Encoding encoding) => _encoding = encoding;

    private enum FieldKind { Text, Integer, Real, Logical, Date }

    public static DbfSchema For(FeatureLayer layer, Encoding encoding)
    {
        var schema = new DbfSchema(encoding);
        var names = layer.FieldNames();
        var shortNames = ShapefileFieldNames.Shorten(names, encoding);
        foreach (var (name, shortName) in names.Zip(shortNames))
        {
            var values = layer.Features.Select(f => f.Attributes.GetValueOrDefault(name)).Where(v => v is not null).ToArray();
            var kind = KindOf(values);
            var width = kind == FieldKind.Text
                ? Math.Clamp(values.Select(v => encoding.GetByteCount(Text(v))).DefaultIfEmpty(1).Max(), 1, MaxTextBytes)
                : 0;
            schema._fields.Add((name, shortName, kind, width));
        }

        return schema;
    }

    /// <summary>Each field's dBase name with the attribute name it stands for, for the sidecar.</summary>
    public IEnumerable<(string Dbf, string Name)> Names => _fields.Select(f => (f.Field, f.Attribute));

    public ShapefileWriterOptions WriterOptions(ShapeType shapeType, string projection)
    {
        var options = new ShapefileWriterOptions(shapeType) { Encoding = _encoding, Projection = projection };
        foreach (var (_, field, kind, width) in _fields)
        {
            if (kind == FieldKind.Integer)
            {
                // 18 digits: GDAL reads N(18,0) as Integer64 (wider becomes Real); the library's default is 19.
                options.Fields.Add(new DbfNumericInt64Field(field, 18));
                continue;
            }

            _ = kind switch
            {
                FieldKind.Real => options.AddNumericDoubleField(field),
                FieldKind.Logical => options.AddLogicalField(field),
                FieldKind.Date => options.AddDateField(field),
                _ => (DbfField)options.AddCharacterField(field, width),
            };
        }

        return options;
    }

    public AttributesTable Row(IReadOnlyDictionary<string, object?> attributes)
    {
        var row = new AttributesTable();
        foreach (var (attribute, field, kind, width) in _fields)
        {
            var value = attributes.GetValueOrDefault(attribute);
            row.Add(field, value is null ? null : kind switch
            {
                FieldKind.Integer => Convert.ToInt64(value, CultureInfo.InvariantCulture),
                FieldKind.Real => Convert.ToDouble(value, CultureInfo.InvariantCulture),
                FieldKind.Logical => (bool)value,
                FieldKind.Date => value is DateOnly d ? d.ToDateTime(TimeOnly.MinValue) : (DateTime)value,
                _ => Cut(Text(value), width),
            });
        }

        return row;
    }

    private static FieldKind KindOf(object?[] values)
    {
        if (values.Length == 0 || values.Any(v => v is string))
        {
            return FieldKind.Text;
        }

        if (values.All(v => v is long or int or short or byte or sbyte or ushort or uint))
        {
            return FieldKind.Integer;
        }

        if (values.All(v => v is long or int or short or byte or sbyte or ushort or uint or double or float or decimal))
        {
            return FieldKind.Real;
        }

        if (values.All(v => v is bool))
        {
            return FieldKind.Logical;
        }

        return values.All(v => v is DateOnly or DateTime) ? FieldKind.Date : FieldKind.Text;
    }

    private static string Text(object? value) => value switch
    {
        DateTimeOffset t => t.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private string Cut(string text, int maxBytes)
    {
        if (_encoding.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        var enumerator = StringInfo.GetTextElementEnumerator(text);
        var sb = new StringBuilder();
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            if (_encoding.GetByteCount(sb + element) > maxBytes)
            {
                break;
            }

            sb.Append(element);
        }

        return sb.ToString();
    }
}
