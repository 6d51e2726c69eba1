using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Security;

namespace Platform.Plugins.Example.Places;

/// <summary><c>POST /places</c>: a name and a location in EPSG:4490.</summary>
public sealed record RecordPlaceRequest(string? Name, double? Lon, double? Lat);

/// <summary>
/// The plugin's HTTP endpoints. An endpoint parses, authorizes (its role policy), calls the grain and maps the result;
/// the rules — and the check that a community worker acts in their own community — live behind the grain.
/// </summary>
internal static class PlaceEndpoints
{
    /// <summary>Maps <c>/api/scenes/example-id/places…</c> (the host adds the prefix).</summary>
    public static void MapPlaceEndpoints(this IEndpointRouteBuilder scene)
    {
        scene.MapGet("/places", async (IQuerySession session, CancellationToken ct) =>
            (await session.Query<PlaceView>().ToListAsync(ct)).OrderBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => new { p.Id, p.Name, location = new[] { p.Lon, p.Lat }, recordedAt = p.RecordedAt }));

        // Who changed what, when and why: staff only, and only for ids that are places.
        scene.MapGet("/places/{id:guid}/history", (Guid id, HttpContext http) => StreamHistory.AnswerAsync<PlaceView>(http, id))
            .RequireAuthorization(PlatformPolicies.Staff).Produces<List<HistoryEntry>>();

        scene.MapPost("/places", async (HttpContext http, IGrainFactory grains) =>
        {
            var (body, problem) = await RequestBody.ReadAsync<RecordPlaceRequest>(http);
            if (problem is not null)
                return problem;
            if (PlaceIsNamedAndInChinaRule.Check(body!.Name, body.Lon, body.Lat) is { } invalid)
                return invalid.ToProblem();
            var id = Guid.NewGuid();
            var result = await grains.GetGrain<IPlaceGrain>(id).RecordAsync(new RecordPlace(body.Name!, body.Lon!.Value, body.Lat!.Value),
                http.User.ToCommandContext("登记地点", http.TraceIdentifier));
            // 201 with {id, version}, or the grain's refusal as problem+json; .ProducesWrite describes it in /openapi/v1.json.
            return result.AnswerCreated(id, $"/api/scenes/example-id/places/{id}");
        }).WithRequestBody<RecordPlaceRequest>().RequireAuthorization(PlatformPolicies.EditCommunityData).ProducesWrite(StatusCodes.Status201Created);
    }
}
