namespace Platform.Host.Security;

/// <summary>
/// Response headers that keep the platform's pages from being framed, sniffed or made to run foreign scripts: a
/// Content-Security-Policy that the web map allows (its own scripts; MapLibre/OpenLayers workers and tiles from
/// <c>blob:</c>; inline styles the map libraries set; base-map tiles over HTTPS), <c>frame-ancestors 'none'</c>,
/// <c>X-Content-Type-Options: nosniff</c> and a Referrer-Policy.
/// </summary>
internal static class SecurityHeaders
{
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; " +
        "font-src 'self' data:; connect-src 'self' https:; worker-src 'self' blob:; child-src 'self' blob:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The API reference page (<c>/openapi</c>) carries one inline script of its own.</summary>
    public const string ApiReferencePolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = http.Request.Path.Equals("/openapi", StringComparison.OrdinalIgnoreCase) ? ApiReferencePolicy : Policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(http);
        });
}
