using System.Text.Json;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Maps;

namespace Platform.Maps.Ogc;

/// <summary>Writes features as GeoJSON with the coordinates already in the output CRS, in its wire axis order.</summary>
internal static class FeatureJsonWriter
{
    public static void WriteFeature(Utf8JsonWriter w, MapFeature feature, OgcCrs crs, Action<Utf8JsonWriter>? links = null)
    {
        w.WriteStartObject();
        w.WriteString("type", "Feature");
        w.WriteString("id", feature.Id);
        w.WritePropertyName("geometry");
        WriteGeometry(w, crs.FromStorage(feature.Geometry), crs.NorthFirst);
        w.WritePropertyName("properties");
        w.WriteStartObject();
        foreach (var (key, value) in feature.Properties)
        {
            w.WritePropertyName(key);
            WriteValue(w, value);
        }
        w.WriteEndObject();
        links?.Invoke(w);
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

    public static void WriteGeometry(Utf8JsonWriter w, Geometry g, bool northFirst)
    {
        w.WriteStartObject();
        // A bare ring is not a GeoJSON type (RFC 7946 §1.4): it is written as the LineString it is.
        w.WriteString("type", g is LinearRing ? "LineString" : g.GeometryType);
        if (g is GeometryCollection collection and not MultiPoint and not MultiLineString and not MultiPolygon)
        {
            w.WriteStartArray("geometries");
            foreach (var part in collection.Geometries)
                WriteGeometry(w, part, northFirst);
            w.WriteEndArray();
        }
        else
        {
            w.WritePropertyName("coordinates");
            WriteCoordinates(w, g, northFirst);
        }
        w.WriteEndObject();
    }

    private static void WriteCoordinates(Utf8JsonWriter w, Geometry g, bool northFirst)
    {
        switch (g)
        {
            case Point p:
                if (p.IsEmpty) { w.WriteStartArray(); w.WriteEndArray(); }
                else Position(w, p.Coordinate, northFirst);
                break;
            case LineString l:
                Positions(w, l.Coordinates, northFirst);
                break;
            case Polygon poly:
                w.WriteStartArray();
                if (!poly.IsEmpty)
                {
                    Positions(w, poly.ExteriorRing.Coordinates, northFirst);
                    foreach (var hole in poly.InteriorRings)
                        Positions(w, hole.Coordinates, northFirst);
                }
                w.WriteEndArray();
                break;
            case GeometryCollection multi:
                w.WriteStartArray();
                foreach (var part in multi.Geometries)
                    WriteCoordinates(w, part, northFirst);
                w.WriteEndArray();
                break;
        }
    }

    private static void Positions(Utf8JsonWriter w, Coordinate[] coordinates, bool northFirst)
    {
        w.WriteStartArray();
        foreach (var c in coordinates)
            Position(w, c, northFirst);
        w.WriteEndArray();
    }

    private static void Position(Utf8JsonWriter w, Coordinate c, bool northFirst)
    {
        w.WriteStartArray();
        w.WriteNumberValue(northFirst ? c.Y : c.X);
        w.WriteNumberValue(northFirst ? c.X : c.Y);
        w.WriteEndArray();
    }
}
