using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using NetTopologySuite.IO.Converters;

namespace Platform.Spatial;

/// <summary>JSON in and out of the spatial endpoints: bodies parsed by hand so every fault becomes a 400 naming the field.</summary>
internal static class HttpJson
{
    public static JsonSerializerOptions Web { get; } = CreateWeb();

    /// <summary>Parses the request body, or returns the problem to answer with.</summary>
    public static async Task<(JsonDocument? Document, IResult? Problem)> ReadBodyAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        if (body.Length == 0)
        {
            return (null, Problem("body", "the request body is empty; send JSON"));
        }

        // System.Text.Json checks UTF-8 inside strings only when they are read: check it all now.
        if (!System.Text.Unicode.Utf8.IsValid(body.GetBuffer().AsSpan(0, (int)body.Length)))
        {
            return (null, Problem("body", "malformed JSON: the body is not valid UTF-8 (GBK text? JSON must be sent as UTF-8)"));
        }

        try
        {
            body.Position = 0;
            return (JsonDocument.Parse(body), null);
        }
        catch (JsonException ex)
        {
            return (null, Problem("body", $"malformed JSON: {ex.Message}"));
        }
    }

    public static IResult Problem(string field, string reason) =>
        Problem(new Dictionary<string, string[]> { [field] = [reason] });

    public static IResult Problem(IDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors,
            detail: string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")),
            title: "The request is not valid.");

    private static JsonSerializerOptions CreateWeb()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
        options.Converters.Add(new GeoJsonConverterFactory(StorageCrs.Factory));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
