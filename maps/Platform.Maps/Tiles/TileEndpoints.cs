using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Commands;
using Platform.Maps.Layers;
using Platform.Maps.OpenApi;

namespace Platform.Maps.Tiles;

/// <summary>
/// <c>GET /tiles/{layer}/{z}/{x}/{y}.mvt[?date=]</c> (Mapbox vector tiles, EPSG:3857 grid, one MVT layer named
/// like the map layer) and <c>GET /tiles/{layer}.json</c> (TileJSON 3.0); also maps the OGC API – Tiles routes.
/// </summary>
internal static class TileEndpoints
{
    public const string MvtType = "application/vnd.mapbox-vector-tile";

    public static void MapVectorTiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/tiles/{layer}/{z:int}/{x:int}/{y:int}.mvt", TileAsync).ProducesTile();
        app.MapGet("/tiles/{layer}.json", TileJson).Produces(StatusCodes.Status200OK, typeof(JsonElement), "application/json")
            .WithDescription("TileJSON 3.0.0 of the layer's tiles. / 图层瓦片的 TileJSON 3.0.0 描述。");
        app.MapOgcTiles();
    }

    private static async Task<IResult> TileAsync(string layer, int z, int x, int y, HttpContext http, TileRendering tiles)
    {
        if (tiles.Catalog.Find(layer) is not { } mapLayer)
            return ProblemResults.Problem(404, "layer", $"There is no layer '{layer}'.", $"没有图层“{layer}”。");
        if (MvtEncoder.Grid(z, x, y) is not { } tile)
            return ProblemResults.Problem(400, "z", $"Tile {z}/{x}/{y} is not in the Web Mercator grid (0 ≤ x, y < 2^z, z ≤ 24).", "瓦片编号超出范围。");
        if (!DateParameter.TryParse(http.Request.Query["date"], out var date))
            return ProblemResults.Problem(400, "date", "date must be yyyy-MM-dd.", "日期格式须为 yyyy-MM-dd。");
        var (encoded, hit) = await tiles.LayerTileAsync(mapLayer, tile, date);
        // Revalidate every time: edits must show at once, and a 304 costs next to nothing.
        http.Response.Headers.CacheControl = "public, no-cache";
        http.Response.Headers["X-Tile-Cache"] = hit ? "hit" : "miss";
        return EntityTags.Revalidate(http, encoded.ETag) ?? Results.Bytes(encoded.Body, MvtType);
    }

    private static IResult TileJson(string layer, HttpContext http, LayerReader reader)
    {
        if (reader.Catalog.Find(layer) is not { } mapLayer)
            return ProblemResults.Problem(404, "layer", $"There is no layer '{layer}'.", $"没有图层“{layer}”。");
        var d = mapLayer.Descriptor;
        var b = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        return Results.Json(new
        {
            tilejson = "3.0.0",
            name = d.TitleZh,
            description = d.TitleEn,
            scheme = "xyz",
            tiles = new[] { $"{b}/tiles/{d.Id}/{{z}}/{{x}}/{{y}}.mvt" },
            minzoom = 0,
            maxzoom = 22,
            vector_layers = new[]
            {
                new { id = d.Id, description = d.TitleZh, fields = d.Fields.Append(new Abstractions.Maps.LayerField(MvtEncoder.IdAttribute, "string", "标识", "Id"))
                    .ToDictionary(f => f.Name, f => f.Type is "number" or "integer" ? "Number" : f.Type == "boolean" ? "Boolean" : "String") },
            },
        });
    }
}
