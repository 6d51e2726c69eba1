using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Security;

namespace Platform.Plugins.Example.Places;

/// <summary><c>POST /places</c>: a name and a location in EPSG:4490.</summary>
public sealed record RecordPlaceRequest(string? Name, double? Lon, double? Lat);

internal static class PlaceEndpoints
{
    /// <summary>Maps <c>GET</c> and <c>POST /api/scenes/example-id/places</c> (the host adds the prefix).</summary>
    public static void MapPlaceEndpoints(this IEndpointRouteBuilder scene)
    {
        scene.MapGet("/places", async (IQuerySession session, CancellationToken ct) =>
            (await session.Query<PlaceView>().ToListAsync(ct)).OrderBy(p => p.Name, StringComparer.Ordinal));

        scene.MapPost("/places", async (HttpContext http, IJurisdictionLocator locator, IGrainFactory grains) =>
        {
            var (body, problem) = await RequestBody.ReadAsync<RecordPlaceRequest>(http);
            if (problem is not null)
                return problem;
            if (PlaceRules.Check(body!.Name, body.Lon, body.Lat) is { } invalid)
                return invalid.ToProblem();
            // Workers change data of their own community only; the community comes from the location.
            var community = (await locator.LocateAsync(body.Lon!.Value, body.Lat!.Value, DateOnly.FromDateTime(DateTime.Today), http.RequestAborted)).Community;
            if (!http.User.IsInRole(PlatformRoles.Administrator) && !http.User.MayEditCommunity(community?.Code))
                return ProblemResults.Problem(403, "lon", "Workers record places in their own community only.", "社区工作者只能登记本社区的地点。");
            var id = Guid.NewGuid();
            var result = await grains.GetGrain<IPlaceGrain>(id).RecordAsync(new RecordPlace(body.Name!, body.Lon.Value, body.Lat.Value),
                http.User.ToCommandContext(null, http.TraceIdentifier));
            return result.Rejection is { } r
                ? r.ToProblem()
                : Results.Created($"/api/scenes/example-id/places/{id}", new { id, name = body.Name!.Trim(), communityCode = community?.Code });
        }).RequireAuthorization(PlatformPolicies.EditCommunityData);
    }
}
