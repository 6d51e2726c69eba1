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

namespace Platform.Registers.Geography;

/// <summary><c>/api/base-features</c>: the base geography (water, and the roads that walking distances follow).</summary>
internal static class BaseFeatureEndpoints
{
    public sealed record BaseFeatureBody(string? Name, string? Kind, JsonElement? Geometry, string? Class);

    public static void MapBaseFeatureEndpoints(this IEndpointRouteBuilder app)
    {
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
            var result = await grains.GetGrain<IBaseFeatureGrain>(id).RecordAsync(
                new RecordBaseFeature(body.Name ?? "", body.Kind ?? "", WellKnownText.Write(geometry!), body.Class),
                http.User.ToCommandContext(body.Kind == "road" ? "登记道路" : "登记基础地理要素", http.TraceIdentifier));
            return result.AnswerCreated(id, $"/api/base-features/{id}");
        }).WithRequestBody<BaseFeatureBody>().ProducesWrite(StatusCodes.Status201Created).RequireAuthorization(PlatformPolicies.Administer);
    }
}
