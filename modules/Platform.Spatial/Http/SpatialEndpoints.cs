using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Platform.Spatial;

/// <summary>The spatial layer's HTTP API.</summary>
public static class SpatialEndpoints
{
    /// <summary>
    /// Maps <c>POST /api/spatial/transform</c>, <c>POST /api/spatial/validate</c> and <c>GET /api/spatial/crs</c>.
    /// </summary>
    /// <remarks>
    /// Every bad input is answered 400 with <c>application/problem+json</c> (RFC 7807, validation problem) whose
    /// <c>errors</c> name the field (<c>from</c>, <c>to</c>, <c>coordinates[3]</c>, <c>$.coordinates[0][2][1]</c>, <c>body</c>)
    /// and the reason: unknown CRS, point outside the area of use, NaN or non-number, malformed JSON, missing fields.
    /// Transform accepts at most 100 000 coordinates per request. Validation settings come from
    /// <see cref="SpatialServiceCollectionExtensions.AddSpatial"/> when registered.
    /// </remarks>
    public static IEndpointRouteBuilder MapSpatialEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/spatial");
        // Plain RequestDelegates: the handlers read the body themselves so malformed JSON is their 400, not the binder's.
        // Computations sent by POST (a body of coordinates); they record nothing, so anyone may ask.
        group.MapPost("/transform", new RequestDelegate(TransformEndpoint.HandleAsync)).AllowAnonymous();
        group.MapPost("/validate", new RequestDelegate(ValidateEndpoint.HandleAsync)).AllowAnonymous();
        group.MapGet("/crs", new RequestDelegate(CrsListEndpoint.HandleAsync));
        return app;
    }
}
