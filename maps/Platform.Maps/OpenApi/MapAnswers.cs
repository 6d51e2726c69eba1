using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Platform.Maps.OpenApi;

/// <summary>
/// How the map endpoints' answers appear in <c>/openapi/v1.json</c>. The OGC endpoints' bodies are described in full,
/// with the standard's schemas, by the OGC API document at <c>/ogc/api</c>; here they name their media types and point there.
/// </summary>
internal static class MapAnswers
{
    public const string VectorTile = "application/vnd.mapbox-vector-tile";

    /// <summary>An OGC API answer in <paramref name="contentTypes"/>, its schema in the OGC document <c>/ogc/api</c>.</summary>
    public static RouteHandlerBuilder ProducesOgc(this RouteHandlerBuilder builder, params string[] contentTypes) =>
        builder.Produces(StatusCodes.Status200OK, typeof(JsonElement), contentTypes[0], contentTypes[1..])
            .WithTags("OGC API")
            .WithDescription("OGC API – Features / Tiles; the answer's schema is given by the OGC API document at /ogc/api. / 答复结构见 OGC API 文档 /ogc/api。");

    /// <summary>A MapLibre / Mapbox GL style document (style specification v8).</summary>
    public static RouteHandlerBuilder ProducesStyle(this RouteHandlerBuilder builder) =>
        builder.Produces(StatusCodes.Status200OK, typeof(JsonElement), "application/vnd.mapbox.style+json", "application/json")
            .WithDescription("MapLibre style (style specification v8) over the platform's vector tiles. / 网页地图样式（MapLibre v8）。");

    /// <summary>A Mapbox Vector Tile (204 when the tile holds nothing).</summary>
    public static RouteHandlerBuilder ProducesTile(this RouteHandlerBuilder builder) =>
        builder.Produces(StatusCodes.Status200OK, typeof(byte[]), VectorTile).Produces(StatusCodes.Status204NoContent).WithTags("OGC API");
}
