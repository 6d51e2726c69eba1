using System.Globalization;
using Platform.Abstractions.Maps;
using Platform.Maps.Layers;

namespace Platform.Maps.Ogc.Cql2;

/// <summary>The kinds of value CQL2 compares; dates and timestamps are both <see cref="Temporal"/> (UTC instants).</summary>
internal enum CqlType { String, Number, Boolean, Temporal }

/// <summary>A property or literal in a comparison, evaluated to string, double, bool or a UTC <see cref="DateTimeOffset"/>.</summary>
internal abstract record CqlScalar(CqlType Type)
{
    public abstract object? Value(MapFeature feature);

    public static int? Compare(object? a, object? b) => (a, b) switch
    {
        (string x, string y) => string.CompareOrdinal(x, y),
        (double x, double y) => x.CompareTo(y),
        (bool x, bool y) => x.CompareTo(y),
        (DateTimeOffset x, DateTimeOffset y) => x.CompareTo(y),
        _ => null,
    };

    /// <summary>A feature's attribute as the CQL2 value of its field type (null when absent or not readable as that type).</summary>
    public static object? Read(object? raw, CqlType type)
    {
        if (raw is null)
            return null;
        switch (type)
        {
            case CqlType.Number:
                return raw switch
                {
                    double d => d,
                    IConvertible c when raw is not string => c.ToDouble(CultureInfo.InvariantCulture),
                    string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) => v,
                    _ => null,
                };
            case CqlType.Boolean:
                return raw is bool b ? b : bool.TryParse(LayerReader.Text(raw), out var parsed) ? parsed : null;
            case CqlType.Temporal:
                return raw switch
                {
                    DateOnly d => Instant(d),
                    DateTime t => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)),
                    DateTimeOffset o => o.ToUniversalTime(),
                    _ => CqlTemporal.ParseInstant(LayerReader.Text(raw) ?? ""),
                };
            default:
                return LayerReader.Text(raw);
        }
    }

    /// <summary>A calendar date as the instant its day starts (UTC), the convention used for every date comparison.</summary>
    public static DateTimeOffset Instant(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static CqlType TypeOf(string fieldType) => fieldType switch
    {
        "integer" or "number" => CqlType.Number,
        "boolean" => CqlType.Boolean,
        "date" or "date-time" => CqlType.Temporal,
        _ => CqlType.String,
    };
}

internal sealed record PropertyScalar(string Name, CqlType PropertyType) : CqlScalar(PropertyType)
{
    public override object? Value(MapFeature feature) =>
        Name == "id" && !feature.Properties.ContainsKey("id") ? feature.Id : Read(feature.Properties.GetValueOrDefault(Name), Type);
}

internal sealed record LiteralScalar(object LiteralValue, CqlType LiteralType) : CqlScalar(LiteralType)
{
    public override object? Value(MapFeature feature) => LiteralValue;
}

/// <summary>An instant or interval: a date property, a DATE/TIMESTAMP literal or an INTERVAL (open ends are min/max).</summary>
internal abstract record CqlTemporal
{
    public abstract (DateTimeOffset Start, DateTimeOffset End)? Value(MapFeature feature);

    /// <summary>A DATE (<c>2020-07-01</c>) or an RFC 3339 timestamp, as a UTC instant; null when neither.</summary>
    public static DateTimeOffset? ParseInstant(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return CqlScalar.Instant(d);
        if (text.Contains('T', StringComparison.OrdinalIgnoreCase)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
            return t.ToUniversalTime();
        return null;
    }
}

internal sealed record TemporalProperty(string Name) : CqlTemporal
{
    public override (DateTimeOffset Start, DateTimeOffset End)? Value(MapFeature feature) =>
        CqlScalar.Read(feature.Properties.GetValueOrDefault(Name), CqlType.Temporal) is DateTimeOffset t ? (t, t) : null;
}

internal sealed record TemporalLiteral(DateTimeOffset Start, DateTimeOffset End) : CqlTemporal
{
    public override (DateTimeOffset Start, DateTimeOffset End)? Value(MapFeature feature) => (Start, End);
}
