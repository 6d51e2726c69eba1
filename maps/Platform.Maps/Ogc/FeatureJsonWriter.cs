using System.Text.Json;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Maps;

namespace Platform.Maps.Ogc;

/// <summary>
/// Writes features as RFC 7946 GeoJSON with the coordinates already in the output CRS, in its wire axis order, rounded
/// to <see cref="OgcCrs.Decimals"/>.
/// </summary>
internal static class FeatureJsonWriter
{
    public static void WriteFeature(Utf8JsonWriter w, MapFeature feature, OgcCrs crs, Action<Utf8JsonWriter>? links = null) =>
        WriteFeature(w, feature, crs, null, null, links);

    /// <summary>
    /// Writes one feature object. <paramref name="asType"/> promotes a single geometry to the layer's Multi* type so every
    /// feature of a collection has the type it announces; <paramref name="properties"/> (null = all) selects the attributes.
    /// </summary>
    public static void WriteFeature(Utf8JsonWriter w, MapFeature feature, OgcCrs crs, string? asType, IReadOnlyCollection<string>? properties,
        Action<Utf8JsonWriter>? links = null)
    {
        w.WriteStartObject();
        WriteFeatureMembers(w, feature, crs, asType, properties);
        links?.Invoke(w);
        w.WriteEndObject();
    }

    /// <summary>The members of a feature object, for a caller that opened the object (a feature as the document root).</summary>
    public static void WriteFeatureMembers(Utf8JsonWriter w, MapFeature feature, OgcCrs crs, string? asType, IReadOnlyCollection<string>? properties)
    {
        w.WriteString("type", "Feature");
        w.WriteString("id", feature.Id);
        w.WritePropertyName("geometry");
        WriteGeometry(w, Promote(crs.FromStorage(feature.Geometry), asType), crs.NorthFirst, crs.Decimals);
        w.WritePropertyName("properties");
        w.WriteStartObject();
        foreach (var (key, value) in feature.Properties)
        {
            if (properties is not null && !properties.Contains(key))
                continue;
            w.WritePropertyName(key);
            WriteValue(w, value);
        }
        w.WriteEndObject();
    }

    public static void WriteValue(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case string s: w.WriteStringValue(s); break;
            case bool b: w.WriteBooleanValue(b); break;
            case int i: w.WriteNumberValue(i); break;
            case long l: w.WriteNumberValue(l); break;
            case double d when double.IsFinite(d): w.WriteNumberValue(d); break;
            case double: w.WriteNullValue(); break;
            case decimal m: w.WriteNumberValue(m); break;
            case DateOnly d: w.WriteStringValue(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)); break;
            default: JsonSerializer.Serialize(w, value, value.GetType()); break;
        }
    }

    public static void WriteGeometry(Utf8JsonWriter w, Geometry g, bool northFirst, int decimals = 7)
    {
        w.WriteStartObject();
        // A bare ring is not a GeoJSON type (RFC 7946 §1.4): it is written as the LineString it is.
        w.WriteString("type", LayerSnapshot.GeoJsonType(g));
        if (g is GeometryCollection collection and not MultiPoint and not MultiLineString and not MultiPolygon)
        {
            w.WriteStartArray("geometries");
            foreach (var part in collection.Geometries)
                WriteGeometry(w, part, northFirst, decimals);
            w.WriteEndArray();
        }
        else
        {
            w.WritePropertyName("coordinates");
            WriteCoordinates(w, g, northFirst, decimals);
        }
        w.WriteEndObject();
    }

    private static Geometry Promote(Geometry g, string? asType)
    {
        var f = g.Factory;
        return (asType, g) switch
        {
            ("MultiPolygon", Polygon p) => f.CreateMultiPolygon([p]),
            ("MultiLineString", LineString l) => f.CreateMultiLineString([l is LinearRing ? f.CreateLineString(l.CoordinateSequence) : l]),
            ("MultiPoint", Point p) => f.CreateMultiPoint([p]),
            _ => g,
        };
    }

    private static void WriteCoordinates(Utf8JsonWriter w, Geometry g, bool northFirst, int decimals)
    {
        switch (g)
        {
            case Point p:
                if (p.IsEmpty) { w.WriteStartArray(); w.WriteEndArray(); }
                else Position(w, p.Coordinate, northFirst, decimals);
                break;
            case LineString l:
                Positions(w, l.Coordinates, northFirst, decimals);
                break;
            case Polygon poly:
                w.WriteStartArray();
                if (!poly.IsEmpty)
                {
                    Positions(w, poly.ExteriorRing.Coordinates, northFirst, decimals);
                    foreach (var hole in poly.InteriorRings)
                        Positions(w, hole.Coordinates, northFirst, decimals);
                }
                w.WriteEndArray();
                break;
            case GeometryCollection multi:
                w.WriteStartArray();
                foreach (var part in multi.Geometries)
                    WriteCoordinates(w, part, northFirst, decimals);
                w.WriteEndArray();
                break;
        }
    }

    private static void Positions(Utf8JsonWriter w, Coordinate[] coordinates, bool northFirst, int decimals)
    {
        w.WriteStartArray();
        foreach (var c in coordinates)
            Position(w, c, northFirst, decimals);
        w.WriteEndArray();
    }

    private static void Position(Utf8JsonWriter w, Coordinate c, bool northFirst, int decimals)
    {
        w.WriteStartArray();
        w.WriteNumberValue(Math.Round(northFirst ? c.Y : c.X, decimals));
        w.WriteNumberValue(Math.Round(northFirst ? c.X : c.Y, decimals));
        w.WriteEndArray();
    }
}
