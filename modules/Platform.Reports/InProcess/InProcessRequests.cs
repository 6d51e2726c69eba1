using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Security;

namespace Platform.Reports.InProcess;

/// <summary>
/// Calls another module's or plugin's GET endpoint inside this process by running the endpoint's own request
/// delegate (its filters included) on a fresh <see cref="HttpContext"/>. Reports use it for what other
/// parts publish only over HTTP — printed maps, the ecological scene's statistics — without compiling
/// against their types, and it works the same under Kestrel, the CLI and the test server.
/// </summary>
/// <remarks>Authorization middleware does not run: callers have already been authorized for the report.</remarks>
internal sealed class InProcessRequests(EndpointDataSource endpoints, IServiceScopeFactory scopes)
{
    /// <summary>An answer: status, content type and body.</summary>
    public sealed record Answer(int Status, string? ContentType, byte[] Body)
    {
        public bool Ok => Status is >= 200 and < 300;
    }

    /// <summary>GETs <paramref name="pathAndQuery"/>; 404 when no endpoint matches.</summary>
    public async Task<Answer> GetAsync(string pathAndQuery, ClaimsPrincipal? user, CancellationToken ct)
    {
        var split = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = split < 0 ? pathAndQuery : pathAndQuery[..split];
        var query = split < 0 ? "" : pathAndQuery[split..];
        // The most literal pattern wins, so that "/api/maps/print" is not taken by a catch-all such as the web map's.
        var match = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RequestDelegate is not null && AllowsGet(e))
            .Select(e => (Endpoint: e, Values: Match(e, path)))
            .Where(m => m.Values is not null)
            .OrderBy(m => m.Endpoint.RoutePattern.Parameters.Count).ThenBy(m => m.Endpoint.Order)
            .FirstOrDefault();
        if (match.Endpoint is { } endpoint)
        {
            await using var scope = scopes.CreateAsyncScope();
            using var body = new MemoryStream();
            var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = user ?? CliOperator() };
            http.Request.Method = HttpMethods.Get;
            http.Request.Scheme = "http";
            http.Request.Host = new HostString("localhost");
            http.Request.Path = path;
            http.Request.QueryString = new QueryString(query);
            http.Request.RouteValues = match.Values!;
            http.Response.Body = body;
            http.RequestAborted = ct;
            http.SetEndpoint(endpoint);
            await endpoint.RequestDelegate!(http);
            return new Answer(http.Response.StatusCode, http.Response.ContentType, body.ToArray());
        }
        return new Answer(404, null, []);
    }

    private static RouteValueDictionary? Match(RouteEndpoint endpoint, string path)
    {
        var values = new RouteValueDictionary();
        var matcher = new TemplateMatcher(TemplateParser.Parse(endpoint.RoutePattern.RawText ?? "/"), new RouteValueDictionary());
        return matcher.TryMatch(path, values) ? values : null;
    }

    private static bool AllowsGet(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains(HttpMethods.Get);

    // Whoever runs the CLI has the data folder in hand, so its calls act as an administrator.
    private static ClaimsPrincipal CliOperator() =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "cli"), new Claim(ClaimTypes.Role, PlatformRoles.Administrator)], "cli"));
}
