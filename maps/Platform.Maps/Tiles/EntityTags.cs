using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Platform.Maps.Tiles;

/// <summary>Conditional GET by entity tag (RFC 9110 §13.1.2 If-None-Match), shared by tiles, styles and the web map's files.</summary>
internal static class EntityTags
{
    /// <summary>
    /// True when the request's <c>If-None-Match</c> matches <paramref name="etag"/>: <c>*</c>, or any tag of the list
    /// under weak comparison (<c>W/"x"</c> matches <c>"x"</c>), so the answer is 304 Not Modified.
    /// </summary>
    public static bool NotModified(HttpRequest request, string etag)
    {
        if (request.Headers.IfNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParse(etag, out var current))
            return false;
        if (!EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags))
            return false;
        return tags.Any(t => t.Tag == "*" || t.Compare(current, useStrongComparison: false));
    }

    /// <summary>Sets the ETag and answers 304 when the request already holds this representation, else null.</summary>
    public static IResult? Revalidate(HttpContext http, string etag)
    {
        http.Response.Headers.ETag = etag;
        return NotModified(http.Request, etag) ? Results.StatusCode(StatusCodes.Status304NotModified) : null;
    }
}
