using System.Text.Json;
using Microsoft.AspNetCore.Http;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Commands;
using Platform.Spatial;

namespace Platform.Abstractions.Http;

/// <summary>
/// Turns a GeoJSON geometry from a request into a validated geometry in EPSG:4490, or a 400 problem
/// with the reason and, where there is one, the location (self-intersection at lon,lat …).
/// </summary>
public static class GeometryInput
{
    /// <summary>The most vertices a geometry sent to an endpoint may have (a street's most detailed boundary has a few thousand). Since SDK 1.5.</summary>
    public const int MaxVertices = 50_000;

    /// <summary>Parses and validates <paramref name="geojson"/>; <paramref name="field"/> names it in the problem.</summary>
    public static (Geometry? Geometry, IResult? Problem) Parse(JsonElement? geojson, string field = "geometry", GeometryValidationOptions? options = null)
    {
        if (geojson is not { } element || element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            return (null, RequestBody.Missing(field, "几何图形"));
        Geometry geometry;
        try
        {
            geometry = GeoJson.ReadGeometry(element);
        }
        catch (GeometryFormatException e)
        {
            return (null, ProblemResults.Problem(400, field, $"Not a GeoJSON geometry: {e.Message}", "不是有效的 GeoJSON 几何图形。"));
        }
        catch (InvalidGeometryException e)
        {
            return (null, Invalid(field, e.Result));
        }
        if (geometry.NumPoints > MaxVertices)
            return (null, ProblemResults.Problem(400, field, $"The geometry has {geometry.NumPoints} vertices; at most {MaxVertices} are accepted (simplify it first).",
                $"几何图形有 {geometry.NumPoints} 个顶点，最多接受 {MaxVertices} 个，请先简化。"));
        var result = GeometryValidator.Validate(geometry, options);
        return result.Valid ? (geometry, null) : (null, Invalid(field, result));
    }

    private static IResult Invalid(string field, GeometryValidationResult result)
    {
        var more = new Dictionary<string, object?> { ["code"] = result.Code };
        if (result.Location is not null)
            more["location"] = result.Location;
        return ProblemResults.Problem(400, field, result.Reason ?? "Invalid geometry.", result.ReasonZh, more);
    }
}
