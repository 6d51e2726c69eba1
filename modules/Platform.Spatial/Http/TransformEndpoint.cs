using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Platform.Spatial;

/// <summary><c>POST /api/spatial/transform</c>: <c>{"from","to","coordinates":[[x,y],…]}</c> → <c>{"coordinates":[[x,y],…]}</c>.</summary>
internal static class TransformEndpoint
{
    public const int MaxCoordinates = 100_000;

    public static async Task HandleAsync(HttpContext context)
    {
        var (document, problem) = await HttpJson.ReadBodyAsync(context);
        using (document)
        {
            var result = problem ?? Handle(document!.RootElement);
            await result.ExecuteAsync(context);
        }
    }

    private static IResult Handle(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return HttpJson.Problem("body", "expected a JSON object {\"from\", \"to\", \"coordinates\"}");
        }

        var errors = new Dictionary<string, string[]>();
        var from = Crs(body, "from", errors);
        var to = Crs(body, "to", errors);
        var points = Coordinates(body, errors);
        if (errors.Count > 0 || from is null || to is null || points is null)
        {
            return HttpJson.Problem(errors);
        }

        try
        {
            var transformed = new CrsTransformation(from, to).Transform(points);
            return Results.Json(new { coordinates = transformed.Select(p => new[] { p.X, p.Y }) }, HttpJson.Web);
        }
        catch (CoordinateOutOfRangeException ex)
        {
            return HttpJson.Problem($"coordinates[{ex.Index}]", ex.Reason);
        }
    }

    private static CrsDefinition? Crs(JsonElement body, string field, Dictionary<string, string[]> errors)
    {
        if (!body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors[field] = ["is required: a CRS name such as EPSG:4490, EPSG:4544, GCJ02 or BD09"];
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors[field] = [$"must be a string, got {value.ValueKind.ToString().ToLowerInvariant()}"];
            return null;
        }

        if (CrsRegistry.TryResolve(value.GetString(), out var crs))
        {
            return crs;
        }

        errors[field] = [new UnknownCrsException(value.GetString() ?? "").Message];
        return null;
    }

    private static (double X, double Y)[]? Coordinates(JsonElement body, Dictionary<string, string[]> errors)
    {
        if (!body.TryGetProperty("coordinates", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            errors["coordinates"] = [array.ValueKind == JsonValueKind.Undefined
                ? "is required: an array of [x, y] pairs"
                : $"must be an array of [x, y] pairs, got {array.ValueKind.ToString().ToLowerInvariant()}"];
            return null;
        }

        if (array.GetArrayLength() > MaxCoordinates)
        {
            errors["coordinates"] = [$"holds {array.GetArrayLength()} coordinates; at most {MaxCoordinates} per request"];
            return null;
        }

        var points = new (double X, double Y)[array.GetArrayLength()];
        for (var i = 0; i < points.Length; i++)
        {
            var pair = array[i];
            if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2)
            {
                errors[$"coordinates[{i}]"] = ["must be an array of two numbers [x, y] (x = longitude/easting)"];
                return null;
            }

            for (var axis = 0; axis < 2; axis++)
            {
                var number = pair[axis];
                if (number.ValueKind != JsonValueKind.Number || !number.TryGetDouble(out var v) || !double.IsFinite(v))
                {
                    errors[$"coordinates[{i}][{axis}]"] = [number.ValueKind == JsonValueKind.Number
                        ? $"{number.GetRawText()} is not a finite number"
                        : $"must be a number, got {number.GetRawText()}"];
                    return null;
                }

                if (axis == 0)
                {
                    points[i].X = v;
                }
                else
                {
                    points[i].Y = v;
                }
            }
        }

        return points;
    }
}
