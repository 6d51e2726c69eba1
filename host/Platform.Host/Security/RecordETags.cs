using System.Text.Json;

namespace Platform.Host.Security;

/// <summary>
/// GET of one record (a route ending in a guid id) answers its version as a strong ETag (<c>"N"</c>, the stream version
/// the answer's <c>version</c> holds), which a client sends back as <c>If-Match</c> with its edit; an
/// <c>If-None-Match</c> holding the current ETag answers 304.
/// </summary>
internal static class RecordETags
{
    private const int MaxBuffered = 4 * 1024 * 1024;

    public static IApplicationBuilder UseRecordETags(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (!HttpMethods.IsGet(http.Request.Method) || http.GetEndpoint() is not RouteEndpoint endpoint
                || endpoint.RoutePattern.RawText?.EndsWith(":guid}", StringComparison.Ordinal) != true)
            {
                await next(http);
                return;
            }
            var original = http.Response.Body;
            using var buffer = new MemoryStream();
            http.Response.Body = buffer;
            try
            {
                await next(http);
            }
            finally
            {
                http.Response.Body = original;
            }
            if (http.Response.StatusCode == 200 && buffer.Length < MaxBuffered
                && http.Response.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true
                && VersionOf(buffer.GetBuffer().AsMemory(0, (int)buffer.Length)) is { } version)
            {
                var etag = $"\"{version}\"";
                http.Response.Headers.ETag = etag;
                if (http.Request.Headers.IfNoneMatch.ToString() == etag)
                {
                    http.Response.StatusCode = StatusCodes.Status304NotModified;
                    http.Response.ContentLength = null;
                    return;
                }
            }
            buffer.Position = 0;
            await buffer.CopyToAsync(original, http.RequestAborted);
        });

    private static long? VersionOf(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("version", out var v) && v.TryGetInt64(out var version) ? version : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
