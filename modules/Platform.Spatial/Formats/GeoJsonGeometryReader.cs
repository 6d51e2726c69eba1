using System.Text.Json;
using NetTopologySuite.Geometries;

namespace Platform.Spatial;

/// <summary>
/// Builds NetTopologySuite geometries from GeoJSON, checking structure and numbers before NetTopologySuite sees
/// them, so that an unclosed ring becomes a reason with a location rather than a constructor exception.
/// </summary>
internal sealed class GeoJsonGeometryReader(GeometryFactory factory, int maxVertices, bool closeRings)
{
    private int _vertices;

    public Geometry Read(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new GeometryFormatException(path, $"expected a GeoJSON geometry object, got {Describe(element)}");
        }

        var type = RequiredString(element, "type", path);
        CheckCrsMember(element, path);
        switch (type)
        {
            case "Feature":
                if (!element.TryGetProperty("geometry", out var geometry) || geometry.ValueKind == JsonValueKind.Null)
                {
                    throw new GeometryFormatException($"{path}.geometry", "the Feature has no geometry");
                }

                return Read(geometry, $"{path}.geometry");
            case "FeatureCollection":
                throw new GeometryFormatException(path, "expected one geometry, got a FeatureCollection");
            case "GeometryCollection":
                var members = Required(element, "geometries", path, JsonValueKind.Array);
                var parts = new Geometry[members.GetArrayLength()];
                for (var i = 0; i < parts.Length; i++)
                {
                    parts[i] = Read(members[i], $"{path}.geometries[{i}]");
                }

                return factory.CreateGeometryCollection(parts);
        }

        var c = Required(element, "coordinates", path, JsonValueKind.Array);
        var cp = $"{path}.coordinates";
        return type switch
        {
            "Point" => c.GetArrayLength() == 0 ? factory.CreatePoint() : factory.CreatePoint(Position(c, cp)),
            "MultiPoint" => factory.CreateMultiPoint(Positions(c, cp).Select(factory.CreatePoint).ToArray()),
            "LineString" => Line(c, cp),
            "MultiLineString" => factory.CreateMultiLineString(Each(c, cp, Line)),
            "Polygon" => Polygon(c, cp),
            "MultiPolygon" => factory.CreateMultiPolygon(Each(c, cp, Polygon)),
            _ => throw new GeometryFormatException($"{path}.type", $"unknown GeoJSON type '{type}'"),
        };
    }

    private LineString Line(JsonElement array, string path)
    {
        var points = Positions(array, path);
        if (points.Length is 1)
        {
            throw new InvalidGeometryException(ValidationFailures.TooFewPoints($"line {path}", 1, 2, points[0]));
        }

        return factory.CreateLineString(points);
    }

    private Polygon Polygon(JsonElement array, string path)
    {
        var rings = Each(array, path, Ring);
        return rings.Length == 0 ? factory.CreatePolygon() : factory.CreatePolygon(rings[0], rings[1..]);
    }

    private LinearRing Ring(JsonElement array, string path)
    {
        var points = Positions(array, path);
        if (points.Length == 0)
        {
            return factory.CreateLinearRing();
        }

        if (!points[0].Equals2D(points[^1]))
        {
            if (!closeRings)
            {
                throw new InvalidGeometryException(ValidationFailures.RingNotClosed(points[0], points[^1]));
            }

            points = [.. points, points[0].Copy()];
        }

        if (points.Length < 4)
        {
            throw new InvalidGeometryException(ValidationFailures.TooFewPoints($"ring {path}", points.Length, 4, points[0]));
        }

        return factory.CreateLinearRing(points);
    }

    private T[] Each<T>(JsonElement array, string path, Func<JsonElement, string, T> read)
    {
        // Enumerate rather than index: JsonElement[i] walks the array when its items are arrays, O(n²) in total.
        var result = new T[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Array)
            {
                throw new GeometryFormatException($"{path}[{i}]", $"expected an array, got {Describe(item)}");
            }

            result[i] = read(item, $"{path}[{i}]");
            i++;
        }

        return result;
    }

    private Coordinate[] Positions(JsonElement array, string path)
    {
        var result = new Coordinate[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            result[i] = Position(item, path, i);
            i++;
        }

        return result;
    }

    private Coordinate Position(JsonElement array, string path) => Position(array, path, null);

    // Paths are formatted only when something is wrong: a million positions must not cost a million strings.
    private Coordinate Position(JsonElement position, string parent, int? index)
    {
        if (position.ValueKind != JsonValueKind.Array)
        {
            throw new GeometryFormatException(PathOf(parent, index), $"expected a position [longitude, latitude], got {Describe(position)}");
        }

        var length = position.GetArrayLength();
        if (length is < 2 or > 3)
        {
            throw new GeometryFormatException(PathOf(parent, index),
                $"a position needs 2 numbers [longitude, latitude] (3 with altitude), got {length}");
        }

        if (++_vertices > maxVertices)
        {
            throw new InvalidGeometryException(ValidationFailures.TooManyVerticesAtLeast(maxVertices));
        }

        return new Coordinate(Number(position[0], parent, index, 0), Number(position[1], parent, index, 1));
    }

    private static double Number(JsonElement element, string parent, int? index, int axis)
    {
        // TryGetDouble refuses values that overflow to infinity.
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var value) && double.IsFinite(value))
        {
            return value;
        }

        throw new GeometryFormatException($"{PathOf(parent, index)}[{axis}]", element.ValueKind == JsonValueKind.Number
            ? $"{element.GetRawText()} is not a finite number"
            : $"expected a number, got {Describe(element)}");
    }

    private static string PathOf(string parent, int? index) => index is null ? parent : $"{parent}[{index}]";

    private static void CheckCrsMember(JsonElement element, string path)
    {
        if (!element.TryGetProperty("crs", out var crs) || crs.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        var name = crs.ValueKind == JsonValueKind.Object && crs.TryGetProperty("properties", out var p)
            && p.ValueKind == JsonValueKind.Object && p.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
                ? n.GetString()
                : null;
        if (!CrsRegistry.TryResolve(name, out var resolved) || resolved.Kind != CrsKind.Geographic)
        {
            throw new GeometryFormatException($"{path}.crs",
                $"GeoJSON coordinates must be EPSG:4490/WGS 84 longitude/latitude (RFC 7946); got crs '{name ?? crs.GetRawText()}'. " +
                "Transform them first (POST /api/spatial/transform).");
        }
    }

    private static string RequiredString(JsonElement element, string name, string path)
    {
        var value = Required(element, name, path, JsonValueKind.String).GetString();
        return string.IsNullOrEmpty(value) ? throw new GeometryFormatException($"{path}.{name}", "must not be empty") : value;
    }

    private static JsonElement Required(JsonElement element, string name, string path, JsonValueKind kind)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            throw new GeometryFormatException($"{path}.{name}", "is required");
        }

        return value.ValueKind == kind
            ? value
            : throw new GeometryFormatException($"{path}.{name}", $"expected {Article(kind)}, got {Describe(value)}");
    }

    private static string Article(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "a " + kind.ToString().ToLowerInvariant(),
    };

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.String => $"the string \"{Truncate(element.GetString())}\"",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => Article(element.ValueKind),
    };

    private static string Truncate(string? s) => s is null ? "" : s.Length <= 40 ? s : s[..40] + "…";
}
