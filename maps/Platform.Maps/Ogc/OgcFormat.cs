using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Platform.Maps.Ogc;

/// <summary>
/// Chooses JSON or HTML for an OGC resource: <c>f=json</c>/<c>f=html</c> first, then the Accept header (HTML only when
/// <c>text/html</c> is preferred at least as much as any JSON type, as browsers ask); JSON when neither says.
/// </summary>
internal static class OgcFormat
{
    public static bool TryWantsHtml(HttpRequest request, out bool html)
    {
        html = false;
        var f = request.Query["f"].ToString();
        if (f.Length > 0)
        {
            html = f.Equals("html", StringComparison.OrdinalIgnoreCase) || f.Equals("text/html", StringComparison.OrdinalIgnoreCase);
            return html || f.ToLowerInvariant() is "json" or "geojson" or "application/json" or "application/geo+json"
                or "application/schema+json" or "application/vnd.oai.openapi+json;version=3.0";
        }
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted) || accepted.Count == 0)
            return true;
        double htmlQ = -1, jsonQ = -1;
        foreach (var m in accepted)
        {
            var q = m.Quality ?? 1;
            var type = m.MediaType.Value ?? "";
            if (type.Equals("text/html", StringComparison.OrdinalIgnoreCase))
                htmlQ = Math.Max(htmlQ, q);
            else if (type.Contains("json", StringComparison.OrdinalIgnoreCase))
                jsonQ = Math.Max(jsonQ, q);
        }
        html = htmlQ > 0 && htmlQ >= jsonQ;
        return true;
    }
}
