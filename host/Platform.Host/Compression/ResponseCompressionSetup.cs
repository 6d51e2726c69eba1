using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace Platform.Host.Compression;

/// <summary>
/// Brotli and gzip for every text-like answer (JSON, GeoJSON, problem+json, HTML, JS, CSS, SVG, CSV) and for
/// Mapbox vector tiles, over HTTP and HTTPS alike. Content-coded answers carry their ETag as weak (RFC 9110
/// §8.8.1: the bytes differ from the identity representation), which the weak comparison of If-None-Match still matches.
/// </summary>
/// <remarks>
/// BREACH: compressing a response over TLS leaks, through its length, a secret it holds when an attacker can also
/// place chosen text in it. The only answers holding secrets are the sign-in's (the bearer and refresh tokens in
/// the body of <c>/api/auth/login</c>), so <c>/api/auth</c> is never compressed; the session cookie and the bearer
/// token travel in headers, which are not compressed, and no other answer reflects a credential or anti-forgery token.
/// </remarks>
internal static class ResponseCompressionSetup
{
    private static readonly string[] MimeTypes =
    [
        .. ResponseCompressionDefaults.MimeTypes,
        "application/geo+json",
        "application/problem+json",
        "application/schema+json",
        "application/vnd.oai.openapi+json",
        "application/vnd.mapbox.style+json",
        "application/vnd.mapbox-vector-tile",
        "application/x-protobuf",
        "image/svg+xml",
        "text/csv",
    ];

    public static IServiceCollection AddPlatformCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = MimeTypes;
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return services;
    }

    public static IApplicationBuilder UsePlatformCompression(this IApplicationBuilder app)
    {
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                if (headers.ContentEncoding.Count > 0 && headers.ETag.ToString() is { Length: > 0 } etag && !etag.StartsWith("W/", StringComparison.Ordinal))
                    headers.ETag = "W/" + etag;
                return Task.CompletedTask;
            });
            return next(http);
        });
        return app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api/auth"), branch => branch.UseResponseCompression());
    }
}
