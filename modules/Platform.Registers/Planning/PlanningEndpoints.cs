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

    public sealed record DetailsBody(string? Name, string? Kind, string? Theme, string? Description, string? Reason, int? ScenicGrade = null);

    public sealed record GeometryBody(JsonElement? Geometry, string? Reason);

    public static void MapPlanningEndpoints(this IEndpointRouteBuilder app)
    {
        var zones = app.MapGroup("/api/planning-zones");
        zones.MapGet("", async (IQuerySession session, CancellationToken ct) =>
            (await session.Query<PlanningZoneSummary>().ToListAsync(ct)).Where(z => z.InForceOn(Wire.Today))
                .OrderBy(z => z.Kind, StringComparer.Ordinal).ThenBy(z => z.Name, StringComparer.Ordinal)
                .Select(Describe).ToList());
        zones.MapGet("/{id:guid}", async (Guid id, string? asOf, IQuerySession session, CancellationToken ct) =>
        {
            var (z, badDate) = await RecordEdits.LoadAsync<PlanningZoneSummary>(session, id, asOf, new PlanningZoneProjection(), ct);
            return badDate ?? (z is null ? ProblemResults.Problem(404, "id", $"No planning zone {id}.", "找不到该规划组团。") : Results.Ok(Describe(z)));
        }).Produces<ZoneView>();
        zones.MapGet("/{id:guid}/history", (Guid id, HttpContext http) => StreamHistory.AnswerAsync<PlanningZoneSummary>(http, id)).RequireAuthorization(PlatformPolicies.Staff)
            .Produces<List<HistoryEntry>>();

        var admin = zones.MapGroup("").RequireAuthorization(PlatformPolicies.Administer);
        admin.MapPost("", async (HttpContext http, IGrainFactory grains) =>
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
        }).WithRequestBody<ZoneBody>().ProducesWrite(StatusCodes.Status201Created);

        admin.MapPatch("/{id:guid}", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<DetailsBody>(http);
            if (bad is not null)
                return bad;
            var result = await grains.GetGrain<IPlanningGrain>(id).ReviseAsync(new ReviseZone(body!.Name, body.Kind, body.Theme, body.Description, body.ScenicGrade),
                http.User.ToCommandContext(body.Reason ?? "修改规划组团信息", http.TraceIdentifier));
            return result.Answer(id);
        }).WithRequestBody<DetailsBody>().ProducesWrite().RequireIfMatch();

        admin.MapPut("/{id:guid}/geometry", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<GeometryBody>(http);
            if (bad is not null)
                return bad;
            var (geometry, geometryProblem) = GeometryInput.Parse(body!.Geometry);
            if (geometryProblem is not null)
                return geometryProblem;
            var result = await grains.GetGrain<IPlanningGrain>(id).ReshapeAsync(new ReshapeZone(WellKnownText.Write(geometry!)), http.User.ToCommandContext(body.Reason ?? "调整规划组团范围", http.TraceIdentifier));
            return result.Answer(id);
        }).WithRequestBody<GeometryBody>().ProducesWrite().RequireIfMatch();

        admin.MapPost("/{id:guid}/retire", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<RecordEdits.RetireBody>(http);
            if ((bad ?? RecordEdits.MissingReason(body)) is { } refused)
                return refused;
            var result = await grains.GetGrain<IPlanningGrain>(id).RetireAsync(new RetireRecord(body!.Reason!, Wire.Today), http.User.ToCommandContext(body.Reason!, http.TraceIdentifier));
            return result.Answer(id);
        }).WithRequestBody<RecordEdits.RetireBody>().ProducesWrite().RequireIfMatch();
    }

    private static ZoneView Describe(PlanningZoneSummary z) => new(z.Id, z.Name, z.Kind, z.Theme, z.Description,
        Math.Round(GeometryMeasurement.AreaSquareMetres(WellKnownText.Read(z.GeometryWkt)), 1), Wire.Geometry(z.GeometryWkt), z.RetiredOn, z.RetiredReason, z.Version, z.ScenicGrade);
}

/// <summary>A planning zone of 一带六组团: kind <c>belt</c> or <c>cluster</c>, its area in m² and boundary (GeoJSON, EPSG:4490).</summary>
/// <param name="Version">The record's version: send it back (If-Match) with the next change.</param>
/// <param name="ScenicGrade">The A-level scenic-area grade the plan sets for the zone, 1–5 (A … AAAAA; PATCH <c>scenicGrade</c>); null when none.</param>
internal sealed record ZoneView(Guid Id, string Name, string Kind, string Theme, string Description, double AreaSquareMetres, JsonElement Geometry,
    DateOnly? RetiredOn, string? RetiredReason, long Version, int? ScenicGrade);
