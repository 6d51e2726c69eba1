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

/// <summary>
/// <c>/api/planning-zones</c>: the waterfront belt and themed clusters; <c>/api/base-features</c>: the base
/// geography (water, and the roads that walking distances follow).
/// </summary>
internal static class PlanningEndpoints
{
    public sealed record ZoneBody(string? Name, string? Kind, string? Theme, JsonElement? Geometry, string? Description);

    public sealed record BaseFeatureBody(string? Name, string? Kind, JsonElement? Geometry, string? Class);

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
            return result.Rejection is { } r ? r.ToProblem() : Results.Created($"/api/planning-zones/{id}", new { id });
        }).WithRequestBody<ZoneBody>().RequireAuthorization(PlatformPolicies.Administer);

        var features = app.MapGroup("/api/base-features");
        features.MapGet("", async (string? kind, IQuerySession session, CancellationToken ct) =>
            (await session.Query<BaseFeatureSummary>().ToListAsync(ct))
                .Where(b => kind is null || b.Kind == kind)
                .OrderBy(b => b.Kind, StringComparer.Ordinal).ThenBy(b => b.Name, StringComparer.Ordinal)
                .Select(b => new
                {
                    b.Id, b.Name, b.Kind, b.Class,
                    lengthMetres = Math.Round(GeometryMeasurement.LengthMetres(WellKnownText.Read(b.GeometryWkt)), 1),
                    geometry = Wire.Geometry(b.GeometryWkt),
                }));
        features.MapPost("", async (HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<BaseFeatureBody>(http);
            if (bad is not null)
                return bad;
            var (geometry, geometryProblem) = GeometryInput.Parse(body!.Geometry);
            if (geometryProblem is not null)
                return geometryProblem;
            var id = Guid.NewGuid();
            var result = await grains.GetGrain<IPlanningGrain>(id).RecordBaseFeatureAsync(
                new RecordBaseFeature(body.Name ?? "", body.Kind ?? "", WellKnownText.Write(geometry!), body.Class),
                http.User.ToCommandContext(body.Kind == "road" ? "登记道路" : "登记基础地理要素", http.TraceIdentifier));
            return result.Rejection is { } r ? r.ToProblem() : Results.Created($"/api/base-features/{id}", new { id });
        }).WithRequestBody<BaseFeatureBody>().RequireAuthorization(PlatformPolicies.Administer);
    }
}
