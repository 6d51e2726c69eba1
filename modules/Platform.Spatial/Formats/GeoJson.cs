using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Platform.Spatial;

/// <summary>
/// GeoJSON (RFC 7946) for the spatial layer: longitude/latitude in EPSG:4490 (WGS 84 accepted as equivalent).
/// </summary>
public static class GeoJson
{
    /// <summary>
    /// System.Text.Json options with NetTopologySuite's GeoJSON converters (geometries, features, feature collections),
    /// creating geometries with SRID 4490. Use for serialising; prefer <see cref="ReadGeometry(JsonElement, GeoJsonReadOptions?)"/>
    /// for untrusted input, which says what is wrong and where.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Reads one geometry (a geometry object, or a Feature whose geometry is taken) from JSON text.</summary>
    /// <exception cref="GeometryFormatException">Malformed JSON or not a GeoJSON geometry; names the JSON path.</exception>
    /// <exception cref="InvalidGeometryException">Well-formed but unbuildable: ring not closed, too few points, too many vertices.</exception>
    public static Geometry ReadGeometry(string json, GeoJsonReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new GeometryFormatException("$", $"malformed JSON: {ex.Message}", ex);
        }

        using (document)
        {
            return ReadGeometry(document.RootElement, options);
        }
    }

    /// <summary>Reads one geometry from a parsed JSON element.</summary>
    /// <exception cref="GeometryFormatException">Not a GeoJSON geometry; names the JSON path.</exception>
    /// <exception cref="InvalidGeometryException">Well-formed but unbuildable: ring not closed, too few points, too many vertices.</exception>
    public static Geometry ReadGeometry(JsonElement element, GeoJsonReadOptions? options = null)
    {
        options ??= new GeoJsonReadOptions();
        return new GeoJsonGeometryReader(StorageCrs.Factory, options.MaxVertices, options.CloseRings).Read(element, "$");
    }

    /// <summary>Writes a geometry as GeoJSON text.</summary>
    public static string Write(Geometry geometry) => JsonSerializer.Serialize(geometry, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        // Chinese names stay readable (UTF-8) in what is written, instead of \uXXXX escapes.
        var options = new JsonSerializerOptions { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
        options.Converters.Add(new GeoJsonConverterFactory(StorageCrs.Factory));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
