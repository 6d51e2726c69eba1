using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Abstractions.Commands;

namespace Platform.Abstractions.Http;

/// <summary>Reads a JSON request body, turning malformed JSON into a 400 problem that names where it broke.</summary>
public static class RequestBody
{
    /// <summary>The body as <typeparamref name="T"/>, or null and a problem answer.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpContext http) where T : class
    {
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        if (http.Request.ContentLength is not 0 && http.Request.ContentType is not null && !http.Request.HasJsonContentType())
            return (null, ProblemResults.Problem(415, "Content-Type", "The body must be JSON (Content-Type: application/json).", "请求内容须为 JSON（Content-Type: application/json）。"));
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(http.Request.Body, options, http.RequestAborted);
            return value is null
                ? (null, ProblemResults.Problem(400, "body", "The request body is empty or null.", "请求内容为空。"))
                : (value, null);
        }
        catch (InvalidOperationException)
        {
            // Text the serializer cannot turn into a string (an unpaired surrogate escape, bytes that are not UTF-8).
            return (null, ProblemResults.Problem(400, "body", "The body holds text that is not valid Unicode.", "请求内容含有无效的 Unicode 字符。"));
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            return (null, ProblemResults.Problem(400, field,
                $"The body is not valid JSON for this request at {e.Path ?? "$"} (line {e.LineNumber + 1}): {e.Message}",
                "请求内容不是有效的 JSON，或字段类型不符。"));
        }
    }

    /// <summary>A 400 problem for a required field that is missing or blank.</summary>
    public static IResult Missing(string field, string zhName) =>
        ProblemResults.Problem(400, field, $"'{field}' is required.", $"缺少“{zhName}”。");
}
