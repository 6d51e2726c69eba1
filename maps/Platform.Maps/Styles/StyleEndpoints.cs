using System.Text.Json;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Commands;
using Platform.Maps.Tiles;
using Platform.Maps.OpenApi;

namespace Platform.Maps.Styles;

/// <summary>
/// The web map's look as a MapLibre style: <c>GET /api/maps/style.json</c> and, as OGC API – Styles lists it,
/// <c>GET /ogc/styles</c> and <c>GET /ogc/styles/web-map/style.json</c>; the glyph ranges the style names at
/// <c>GET /api/maps/fonts/{fontstack}/{range}.pbf</c> (see <see cref="GlyphRange"/>).
/// </summary>
internal static class StyleEndpoints
{
    public static void MapMapStyles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/maps/style.json", StyleAsync).ProducesStyle();
        app.MapGet($"/ogc/styles/{MapStyle.Id}/style.json", StyleAsync).ProducesStyle();
        app.MapGet("/ogc/styles", (HttpContext http) => TaggedJson.Answer(http, new
        {
            links = new[] { new { href = $"{TaggedJson.BaseUri(http)}/ogc/styles", rel = "self", type = "application/json", title = "Styles" } },
            styles = new[]
            {
                new
                {
                    id = MapStyle.Id,
                    title = "网页地图 / Web map",
                    links = new[] { new { href = $"{TaggedJson.BaseUri(http)}/ogc/styles/{MapStyle.Id}/style.json", rel = "stylesheet", type = "application/vnd.mapbox.style+json", title = "MapLibre style" } },
                },
            },
        })).ProducesOgc("application/json");
        app.MapGet("/api/maps/fonts/{fontstack}/{range}.pbf", (string fontstack, string range, HttpContext http) =>
        {
            if (!TryRange(range, out var start))
                return ProblemResults.Problem(400, "range", "range must be a glyph block such as 0-255 (a multiple of 256, then that plus 255, at most 65535).", "range 须为字形区段，如 0-255。");
            var body = GlyphRange.Encode(fontstack, start);
            http.Response.Headers.CacheControl = "public, max-age=86400";
            return EntityTags.Revalidate(http, $"\"glyphs-{GlyphRange.Version}-{start}\"") ?? Results.Bytes(body, "application/x-protobuf");
        }).Produces(StatusCodes.Status200OK, typeof(byte[]), "application/x-protobuf")
            .WithDescription("Glyphs of a font stack for the map's labels (MapLibre glyph PBF, one range of 256 code points). / 地图标注字形。");
    }

    private static async Task<IResult> StyleAsync(HttpContext http, TileRendering tiles)
    {
        var layers = TileRendering.Ordered(tiles.Catalog.Active).ToList();
        var extent = await tiles.ExtentAsync(layers, http.RequestAborted);
        return TaggedJson.Answer(http, MapStyle.Build(TaggedJson.BaseUri(http), layers.Select(l => l.Descriptor).ToList(), extent));
    }

    private static bool TryRange(string range, out int start)
    {
        start = 0;
        var parts = range.Split('-');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out start)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var end)
            && start % 256 == 0 && end == start + 255 && end <= 65535;
    }
}
