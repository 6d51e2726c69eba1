using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;

namespace Platform.Maps.Tiles;

/// <summary>JSON documents (TileJSON, tilesets, styles) answered with an ETag of their bytes, and 304 when the client has them.</summary>
internal static class TaggedJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        // Chinese titles stay readable, as in every other answer of the host.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static IResult Answer(HttpContext http, object document, string contentType = "application/json")
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(document, Options);
        http.Response.Headers.CacheControl = "public, no-cache";
        return EntityTags.Revalidate(http, $"\"{Convert.ToHexString(SHA256.HashData(body).AsSpan(0, 12))}\"")
            ?? Results.Bytes(body, contentType);
    }

    public static string BaseUri(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
}
