using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;

namespace Platform.Spatial;

/// <summary>
/// <c>POST /api/spatial/validate[?repair=true]</c> with a GeoJSON geometry (or Feature) →
/// <c>{"valid","code","reason","reasonZh","location","repaired"}</c>. An invalid geometry is a 200 answer;
/// a body that is not a GeoJSON geometry is a 400 problem.
/// </summary>
internal static class ValidateEndpoint
{
    public static async Task HandleAsync(HttpContext context)
    {
        if (!TryRepairFlag(context.Request.Query["repair"], out var repair))
        {
            await HttpJson.Problem("repair", "must be true or false").ExecuteAsync(context);
            return;
        }

        var (document, problem) = await HttpJson.ReadBodyAsync(context);
        using (document)
        {
            var options = context.RequestServices.GetService<IOptions<GeometryValidationOptions>>()?.Value
                ?? new GeometryValidationOptions();
            var result = problem ?? Handle(document!.RootElement, options, repair);
            await result.ExecuteAsync(context);
        }
    }

    private static IResult Handle(JsonElement body, GeometryValidationOptions options, bool repair)
    {
        Geometry? geometry;
        GeometryValidationResult verdict;
        try
        {
            geometry = GeoJson.ReadGeometry(body, new GeoJsonReadOptions { MaxVertices = options.MaxVertices });
            verdict = GeometryValidator.Validate(geometry, options);
        }
        catch (GeometryFormatException ex)
        {
            return HttpJson.Problem(ex.Path, ex.Reason);
        }
        catch (InvalidGeometryException ex)
        {
            verdict = ex.Result;
            geometry = repair && ex.Result.Code == GeometryValidationCodes.RingNotClosed ? ReadClosingRings(body, options) : null;
        }

        var repaired = repair && !verdict.Valid && geometry is not null && GeometryValidator.IsRepairable(verdict.Code)
            ? TryRepair(geometry)
            : null;
        return Results.Json(new ValidationResponse(verdict.Valid, verdict.Code, verdict.Reason, verdict.ReasonZh,
            verdict.Location, repaired), HttpJson.Web);
    }

    private static bool TryRepairFlag(string? value, out bool repair)
    {
        repair = value is "1";
        return string.IsNullOrEmpty(value) || value is "1" or "0" || bool.TryParse(value, out repair);
    }

    private static Geometry? TryRepair(Geometry geometry)
    {
        try
        {
            return GeometryValidator.Repair(geometry);
        }
        catch (Exception ex) when (ex is TopologyException or ArgumentException or InvalidOperationException)
        {
            return null; // not repairable: the answer still says why it is invalid
        }
    }

    private static Geometry? ReadClosingRings(JsonElement body, GeometryValidationOptions options)
    {
        try
        {
            return GeoJson.ReadGeometry(body, new GeoJsonReadOptions { MaxVertices = options.MaxVertices, CloseRings = true });
        }
        catch (Exception ex) when (ex is InvalidGeometryException or GeometryFormatException)
        {
            return null;
        }
    }

    private sealed record ValidationResponse(
        bool Valid, string? Code, string? Reason, string? ReasonZh, double[]? Location, Geometry? Repaired);
}
