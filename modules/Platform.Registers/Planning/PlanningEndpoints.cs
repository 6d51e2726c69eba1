using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Security;
using Platform.Registers.Shared;
using Platform.Spatial;

namespace Platform.Registers.Planning;

/// <summary><c>/api/planning-zones</c>: the waterfront belt and themed clusters (一带六组团).</summary>
internal static class PlanningEndpoints
{
    public sealed record ZoneBody(string? Name, string? Kind, string? Theme, JsonElement? Geometry, string? Description);

    public static void MapPlanningEndpoints(this IEndpointRouteBuilder app)
    {
        var zones = app.MapGroup("/api/planning-zones");
        zones.MapGet("", async (IQuerySession session, CancellationToken ct) =>
            (await session.Query<PlanningZoneSummary>().ToListAsync(ct)).OrderBy(z => z.Kind, StringComparer.Ordinal).ThenBy(z => z.Name, StringComparer.Ordinal)
                .Select(z => new
                {
                    z.Id, z.Name, z.Kind, z.Theme, z.Description,
                    areaSquareMetres = Math.Round(GeometryMeasurement.AreaSquareMetres(WellKnownText.Read(z.GeometryWkt)), 1),
                    geometry = Wire.Geometry(z.GeometryWkt),
                }));
        zones.MapPost("", async (HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<ZoneBody>(http);
            if (bad is not null)
                return bad;
            var (geometry, geometryProblem) = GeometryInput.Parse(body!.Geometry);
            if (geometryProblem is not null)
                return geometryProblem;
            if (geometry is not (Polygon or MultiPolygon))
                return ProblemResults.Problem(400, "geometry", "A planning zone is a Polygon or MultiPolygon.", "规划组团范围须为面。");
            var id = Guid.NewGuid();
            var result = await grains.GetGrain<IPlanningGrain>(id).DesignateZoneAsync(
                new DesignateZone(body.Name ?? "", body.Kind ?? "", body.Theme ?? "", WellKnownText.Write(geometry), body.Description ?? ""),
                http.User.ToCommandContext("划定规划组团", http.TraceIdentifier));
            return result.AnswerCreated(id, $"/api/planning-zones/{id}");
        }).WithRequestBody<ZoneBody>().ProducesWrite(StatusCodes.Status201Created).RequireAuthorization(PlatformPolicies.Administer);
    }
}
