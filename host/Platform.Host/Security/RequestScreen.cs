using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;

namespace Platform.Host.Security;

/// <summary>
/// What every request body passes before an endpoint sees it: a size limit (413), JSON where the endpoint reads JSON
/// (415), and text that can be stored (400 for a NUL character or a lone surrogate, in the body, the path or the query).
/// The edit's stated version (a top-level <c>version</c> in the body, or <c>If-Match</c>) is handed to the write path
/// (<see cref="ExpectedVersion"/>) for the record ids of the route.
/// </summary>
internal static class RequestScreen
{
    public static IApplicationBuilder UseRequestScreen(this IApplicationBuilder app, RequestLimits limits) =>
        app.Use(async (http, next) =>
        {
            var (refused, expected) = await ScreenAsync(http, limits);
            if (refused is not null)
            {
                await refused.ExecuteAsync(http);
                return;
            }
            // Set here, not inside ScreenAsync: a value set in an awaited method does not flow back to its caller.
            if (expected is { } e0)
                ExpectedVersion.Set(e0.Ids, e0.Version, e0.FromIfMatch);
            try
            {
                await next(http);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !http.Response.HasStarted)
            {
                await TooLarge(limits.LimitFor(http)).ExecuteAsync(http);
            }
            catch (BadHttpRequestException e) when (!http.Response.HasStarted)
            {
                // A parameter the framework could not bind ("Failed to bind parameter \"double? minArea\" from \"x\""): the caller's mistake, not ours.
                var field = System.Text.RegularExpressions.Regex.Match(e.Message, "parameter \"[^\"]*? (\\w+)\"") is { Success: true } m ? m.Groups[1].Value : "request";
                await ProblemResults.Problem(e.StatusCode is >= 400 and < 500 ? e.StatusCode : 400, field, e.Message, $"参数“{field}”的值无效。").ExecuteAsync(http);
            }
            finally
            {
                ExpectedVersion.Clear();
            }
        });

    private static async Task<(IResult? Refused, ExpectedVersion.Expectation? Expected)> ScreenAsync(HttpContext http, RequestLimits limits)
    {
        var request = http.Request;
        if (HasBadText(request.Path.Value) || HasBadText(Uri.UnescapeDataString(request.QueryString.Value ?? "")))
            return (ProblemResults.Problem(400, "url", "The address holds a NUL character or an unpaired surrogate.", "请求地址含有空字符或无效的 Unicode 字符。"), null);
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
            return (null, null);

        var limit = limits.LimitFor(http);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit;
        if (request.ContentLength > limit)
            return (TooLarge(limit), null);

        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        var readsJson = http.GetEndpoint()?.Metadata.GetMetadata<RequestBodyType>() is not null;
        if (readsJson && hasBody && !request.HasJsonContentType())
            return (ProblemResults.Problem(415, "Content-Type", "This endpoint reads JSON: send the body as application/json.", "该接口只接受 JSON 请求内容（Content-Type: application/json）。"), null);

        long? bodyVersion = null;
        if (hasBody && request.HasJsonContentType())
        {
            var bytes = await ReadAsync(request.Body, limit, http.RequestAborted);
            if (bytes is null)
                return (TooLarge(limit), null);
            request.Body = new MemoryStream(bytes, writable: false);
            if (Scan(bytes, out bodyVersion) is { } field)
                return (ProblemResults.Problem(400, field, $"'{field}' holds a NUL character, an unpaired surrogate or bytes that are not UTF-8; such text cannot be stored.",
                    $"“{field}”含有空字符或无效的 Unicode 字符，无法保存。"), null);
        }
        var ifMatch = IfMatchVersion(request.Headers.IfMatch);
        if (ifMatch is null && request.Headers.IfMatch.Count > 0 && request.Headers.IfMatch.ToString() != "*")
            return (ProblemResults.Problem(400, "If-Match", "If-Match carries the record's version as its ETag, e.g. \"3\".", "If-Match 须为记录的版本号（ETag），例如 \"3\"。"), null);
        if ((ifMatch ?? bodyVersion) is { } version)
        {
            var ids = http.Request.RouteValues.Values.Select(v => Guid.TryParse(v?.ToString(), out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
            if (ids.Count > 0)
                return (null, new ExpectedVersion.Expectation(ids, version, ifMatch is not null));
        }
        return (null, null);
    }

    private static IResult TooLarge(long limit) =>
        ProblemResults.Problem(413, "body", $"The request body is larger than this endpoint accepts ({limit / 1024 / 1024.0:0.#} MB).",
            $"请求内容超过该接口允许的大小（{limit / 1024 / 1024.0:0.#} MB）。");

    /// <summary>The body, or null when it is longer than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadAsync(Stream body, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The property holding text that cannot be stored, or null; and the top-level <c>version</c> when it is a whole number.</summary>
    private static string? Scan(byte[] json, out long? version)
    {
        version = null;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 });
        var property = "body";
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
                    continue;
                string text;
                try
                {
                    text = reader.GetString()!;
                }
                catch (InvalidOperationException)
                {
                    return reader.TokenType == JsonTokenType.PropertyName ? "body" : property;
                }
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (HasBadText(text))
                        return "body";
                    property = text;
                    if (reader.CurrentDepth == 1 && text == "version")
                    {
                        if (!reader.Read())
                            break;
                        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var v))
                            version = v;
                    }
                }
                else if (HasBadText(text))
                    return property;
            }
        }
        catch (JsonException)
        {
            // Malformed JSON is the endpoint's to answer: it names where it broke.
        }
        return null;
    }

    private static bool HasBadText(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
                return true;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                    return true;
                i++;
            }
            else if (char.IsLowSurrogate(c))
                return true;
        }
        return false;
    }

    private static long? IfMatchVersion(StringValues header)
    {
        if (header.Count != 1)
            return null;
        var value = header.ToString().Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
            value = value[2..];
        return value.Length > 2 && value[0] == '"' && value[^1] == '"' && long.TryParse(value[1..^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v : null;
    }
}

/// <summary>Request body size limits (<c>Platform:Limits:*</c>, bytes): JSON bodies, sign-in, and file uploads (imports, templates).</summary>
internal sealed record RequestLimits(long JsonBytes, long LoginBytes, long UploadBytes)
{
    public static RequestLimits From(IConfiguration configuration) => new(
        configuration.GetValue<long?>("Platform:Limits:JsonBytes") ?? 4L * 1024 * 1024,
        configuration.GetValue<long?>("Platform:Limits:LoginBytes") ?? 16L * 1024,
        configuration.GetValue<long?>("Platform:Limits:UploadBytes") ?? 16L * 1024 * 1024);

    public long LimitFor(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api/auth") ? LoginBytes
        : http.GetEndpoint()?.Metadata.GetMetadata<RequestBodyType>() is not null ? JsonBytes
        : UploadBytes;
}
