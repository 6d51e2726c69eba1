using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Security;
using Platform.Registers.Shared;
using Platform.Spatial;

namespace Platform.Registers.Geography;

/// <summary><c>/api/base-features</c>: the base geography (water, and the roads that walking distances follow).</summary>
internal static class BaseFeatureEndpoints
{
    public sealed record BaseFeatureBody(string? Name, string? Kind, JsonElement? Geometry, string? Class);

    public sealed record DetailsBody(string? Name, string? Class, string? Reason);

    public sealed record GeometryBody(JsonElement? Geometry, string? Reason);

    public static void MapBaseFeatureEndpoints(this IEndpointRouteBuilder app)
    {
        var features = app.MapGroup("/api/base-features");
        features.MapGet("", async (string? kind, IQuerySession session, CancellationToken ct) =>
            (await session.Query<BaseFeatureSummary>().ToListAsync(ct))
                .Where(b => (kind is null || b.Kind == kind) && b.InForceOn(Wire.Today))
                .OrderBy(b => b.Kind, StringComparer.Ordinal).ThenBy(b => b.Name, StringComparer.Ordinal)
                .Select(Describe).ToList());
        features.MapGet("/{id:guid}", async (Guid id, string? asOf, IQuerySession session, CancellationToken ct) =>
        {
            var (b, badDate) = await RecordEdits.LoadAsync<BaseFeatureSummary>(session, id, asOf, new BaseFeatureProjection(), ct);
            return badDate ?? (b is null ? ProblemResults.Problem(404, "id", $"No feature {id}.", "找不到该要素。") : Results.Ok(Describe(b)));
        }).Produces<BaseFeatureView>();
        features.MapGet("/{id:guid}/history", (Guid id, HttpContext http) => StreamHistory.AnswerAsync<BaseFeatureSummary>(http, id)).RequireAuthorization(PlatformPolicies.Staff)
            .Produces<List<HistoryEntry>>();

        var admin = features.MapGroup("").RequireAuthorization(PlatformPolicies.Administer);
        admin.MapPost("", async (HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<BaseFeatureBody>(http);
            if (bad is not null)
                return bad;
            var (geometry, geometryProblem) = GeometryInput.Parse(body!.Geometry);
            if (geometryProblem is not null)
                return geometryProblem;
            var id = Guid.NewGuid();
            var result = await grains.GetGrain<IBaseFeatureGrain>(id).RecordAsync(
                new RecordBaseFeature(body.Name ?? "", body.Kind ?? "", WellKnownText.Write(geometry!), body.Class),
                http.User.ToCommandContext(body.Kind == "road" ? "登记道路" : "登记基础地理要素", http.TraceIdentifier));
            return result.AnswerCreated(id, $"/api/base-features/{id}");
        }).WithRequestBody<BaseFeatureBody>().ProducesWrite(StatusCodes.Status201Created);

        admin.MapPatch("/{id:guid}", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<DetailsBody>(http);
            if (bad is not null)
                return bad;
            var result = await grains.GetGrain<IBaseFeatureGrain>(id).ReviseAsync(new ReviseBaseFeature(body!.Name, body.Class),
                http.User.ToCommandContext(body.Reason ?? "修改基础地理要素", http.TraceIdentifier));
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
            var result = await grains.GetGrain<IBaseFeatureGrain>(id).ReshapeAsync(new ReshapeBaseFeature(WellKnownText.Write(geometry!)),
                http.User.ToCommandContext(body.Reason ?? "调整基础地理要素", http.TraceIdentifier));
            return result.Answer(id);
        }).WithRequestBody<GeometryBody>().ProducesWrite().RequireIfMatch();

        admin.MapPost("/{id:guid}/retire", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<RecordEdits.RetireBody>(http);
            if ((bad ?? RecordEdits.MissingReason(body)) is { } refused)
                return refused;
            var result = await grains.GetGrain<IBaseFeatureGrain>(id).RetireAsync(new RetireRecord(body!.Reason!, Wire.Today), http.User.ToCommandContext(body.Reason!, http.TraceIdentifier));
            return result.Answer(id);
        }).WithRequestBody<RecordEdits.RetireBody>().ProducesWrite().RequireIfMatch();
    }

    private static BaseFeatureView Describe(BaseFeatureSummary b) => new(b.Id, b.Name, b.Kind, b.Class,
        Math.Round(GeometryMeasurement.LengthMetres(WellKnownText.Read(b.GeometryWkt)), 1), Wire.Geometry(b.GeometryWkt), b.RetiredOn, b.RetiredReason, b.Version);
}

/// <summary>Water or a road: its class (roads: <c>main</c> or <c>local</c>), length (or perimeter) in metres and geometry (GeoJSON, EPSG:4490).</summary>
/// <param name="Version">The record's version: send it back (If-Match) with the next change.</param>
internal sealed record BaseFeatureView(Guid Id, string Name, string Kind, string? Class, double LengthMetres, JsonElement Geometry,
    DateOnly? RetiredOn, string? RetiredReason, long Version);
