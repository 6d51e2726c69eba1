using System.Text.Json;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Maps;
using Platform.Maps.Layers;
using Platform.Maps.OpenApi;

namespace Platform.Maps.Tiles;

/// <summary>
/// OGC API – Tiles Part 1 (OGC 20-057) over the same tiles as <c>/tiles</c>: the tile matrix set
/// (<c>/ogc/tileMatrixSets[/WebMercatorQuad]</c>), one vector tileset per collection
/// (<c>/ogc/collections/{collectionId}/tiles[/WebMercatorQuad[/{tileMatrix}/{tileRow}/{tileCol}]]</c>) and a
/// combined tileset of every layer (<c>/ogc/tiles/…</c>, one MVT layer per collection), each with its TileJSON at
/// <c>…/WebMercatorQuad/tilejson</c>. Tiles take <c>datetime=yyyy-MM-dd</c> for the dated layers (today by default).
/// </summary>
internal static class OgcTilesEndpoints
{
    public static void MapOgcTiles(this IEndpointRouteBuilder app)
    {
        var ogc = app.MapGroup("/ogc");
        ogc.MapGet("/tileMatrixSets", (HttpContext http) => TaggedJson.Answer(http, new
        {
            tileMatrixSets = new[]
            {
                new
                {
                    id = WebMercatorQuad.Id,
                    title = "Google Maps Compatible for the World",
                    uri = WebMercatorQuad.Uri,
                    crs = WebMercatorQuad.Crs,
                    links = new[] { new { href = $"{TaggedJson.BaseUri(http)}/ogc/tileMatrixSets/{WebMercatorQuad.Id}", rel = "self", type = "application/json", title = WebMercatorQuad.Id } },
                },
            },
        })).ProducesOgc("application/json");
        ogc.MapGet("/tileMatrixSets/{tileMatrixSetId}", (string tileMatrixSetId, HttpContext http) =>
            UnknownMatrixSet(tileMatrixSetId) ?? TaggedJson.Answer(http, WebMercatorQuad.Definition($"{TaggedJson.BaseUri(http)}/ogc/tileMatrixSets/{WebMercatorQuad.Id}"))).ProducesOgc("application/json");

        ogc.MapGet("/tiles", async (HttpContext http, TileRendering tiles) => TaggedJson.Answer(http, (await CombinedAsync(http, tiles)).TileSetList($"{TaggedJson.BaseUri(http)}/ogc/tiles"))).ProducesOgc("application/json");
        ogc.MapGet("/tiles/{tileMatrixSetId}", async (string tileMatrixSetId, HttpContext http, TileRendering tiles) =>
            UnknownMatrixSet(tileMatrixSetId) ?? TaggedJson.Answer(http, (await CombinedAsync(http, tiles)).TileSet($"{TaggedJson.BaseUri(http)}/ogc/tiles/{WebMercatorQuad.Id}/tilejson"))).ProducesOgc("application/json");
        ogc.MapGet("/tiles/{tileMatrixSetId}/tilejson", async (string tileMatrixSetId, HttpContext http, TileRendering tiles) =>
            UnknownMatrixSet(tileMatrixSetId) ?? TaggedJson.Answer(http, (await CombinedAsync(http, tiles)).TileJson())).ProducesOgc("application/json");
        ogc.MapGet("/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}", (string tileMatrixSetId, string tileMatrix, string tileRow, string tileCol, HttpContext http, TileRendering tiles) =>
            TileAsync(http, tileMatrixSetId, tileMatrix, tileRow, tileCol, (tile, date) => tiles.CombinedTileAsync(tile, date))).ProducesTile();

        ogc.MapGet("/collections/{collectionId}/tiles", async (string collectionId, HttpContext http, TileRendering tiles) =>
            Unknown(collectionId, tiles) ?? TaggedJson.Answer(http, (await CollectionAsync(http, tiles, collectionId)).TileSetList($"{TaggedJson.BaseUri(http)}/ogc/collections/{collectionId}/tiles"))).ProducesOgc("application/json");
        ogc.MapGet("/collections/{collectionId}/tiles/{tileMatrixSetId}", async (string collectionId, string tileMatrixSetId, HttpContext http, TileRendering tiles) =>
            Unknown(collectionId, tiles) ?? UnknownMatrixSet(tileMatrixSetId)
            ?? TaggedJson.Answer(http, (await CollectionAsync(http, tiles, collectionId)).TileSet($"{TaggedJson.BaseUri(http)}/ogc/collections/{collectionId}/tiles/{WebMercatorQuad.Id}/tilejson"))).ProducesOgc("application/json");
        ogc.MapGet("/collections/{collectionId}/tiles/{tileMatrixSetId}/tilejson", async (string collectionId, string tileMatrixSetId, HttpContext http, TileRendering tiles) =>
            Unknown(collectionId, tiles) ?? UnknownMatrixSet(tileMatrixSetId) ?? TaggedJson.Answer(http, (await CollectionAsync(http, tiles, collectionId)).TileJson())).ProducesOgc("application/json");
        ogc.MapGet("/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}",
            (string collectionId, string tileMatrixSetId, string tileMatrix, string tileRow, string tileCol, HttpContext http, TileRendering tiles) =>
                Unknown(collectionId, tiles) is { } missing
                    ? Task.FromResult(missing)
                    : TileAsync(http, tileMatrixSetId, tileMatrix, tileRow, tileCol, (tile, date) => tiles.LayerTileAsync(tiles.Catalog.Find(collectionId)!, tile, date))).ProducesTile();
    }

    private static async Task<IResult> TileAsync(HttpContext http, string tileMatrixSetId, string tileMatrix, string tileRow, string tileCol,
        Func<NetTopologySuite.IO.VectorTiles.Tiles.Tile, DateOnly?, Task<(EncodedTile Tile, bool Hit)>> render)
    {
        if (UnknownMatrixSet(tileMatrixSetId) is { } unknown)
            return unknown;
        if (!TryLevel(tileMatrix, 0, WebMercatorQuad.MaxLevel, out var z))
            return ProblemResults.Problem(400, "tileMatrix", $"tileMatrix must be a level from 0 to {WebMercatorQuad.MaxLevel}.", $"tileMatrix 须为 0 至 {WebMercatorQuad.MaxLevel} 的层级。");
        var size = 1L << (int)z;
        if (!TryLevel(tileRow, 0, size - 1, out var y))
            return ProblemResults.Problem(400, "tileRow", $"tileRow must be from 0 to {size - 1} at level {z}.", $"第 {z} 级的 tileRow 须在 0 至 {size - 1} 之间。");
        if (!TryLevel(tileCol, 0, size - 1, out var x))
            return ProblemResults.Problem(400, "tileCol", $"tileCol must be from 0 to {size - 1} at level {z}.", $"第 {z} 级的 tileCol 须在 0 至 {size - 1} 之间。");
        var datetime = http.Request.Query["datetime"].ToString();
        if (datetime.Contains('/') || !DateParameter.TryParse(datetime, out var date))
            return ProblemResults.Problem(400, "datetime", "datetime must be one date, yyyy-MM-dd.", "datetime 须为单个日期，格式 yyyy-MM-dd。");
        var (encoded, hit) = await render(MvtEncoder.Grid((int)z, (int)x, (int)y)!, date);
        http.Response.Headers.CacheControl = "public, no-cache";
        http.Response.Headers["X-Tile-Cache"] = hit ? "hit" : "miss";
        return EntityTags.Revalidate(http, encoded.ETag) ?? Results.Bytes(encoded.Body, TileEndpoints.MvtType);
    }

    private static async Task<TileSetDocuments> CombinedAsync(HttpContext http, TileRendering tiles)
    {
        var layers = TileRendering.Ordered(tiles.Catalog.Active).ToList();
        var self = $"{TaggedJson.BaseUri(http)}/ogc/tiles/{WebMercatorQuad.Id}";
        return new TileSetDocuments("社区发展治理平台：全部图层", "Community Development Platform: all layers", self,
            self + "/{tileMatrix}/{tileRow}/{tileCol}", layers.Select(l => l.Descriptor).ToList(), await tiles.ExtentAsync(layers, http.RequestAborted));
    }

    private static async Task<TileSetDocuments> CollectionAsync(HttpContext http, TileRendering tiles, string collectionId)
    {
        var layer = tiles.Catalog.Find(collectionId)!;
        var self = $"{TaggedJson.BaseUri(http)}/ogc/collections/{collectionId}/tiles/{WebMercatorQuad.Id}";
        return new TileSetDocuments(layer.Descriptor.TitleZh, layer.Descriptor.TitleEn, self, self + "/{tileMatrix}/{tileRow}/{tileCol}",
            [layer.Descriptor], await tiles.ExtentAsync([layer], http.RequestAborted));
    }

    private static IResult? Unknown(string collectionId, TileRendering tiles) => tiles.Catalog.Find(collectionId) is null
        ? ProblemResults.Problem(404, "collectionId", $"There is no collection '{collectionId}'.", $"没有图层集合“{collectionId}”。")
        : null;

    private static IResult? UnknownMatrixSet(string id) => id == WebMercatorQuad.Id
        ? null
        : ProblemResults.Problem(404, "tileMatrixSetId", $"The only tile matrix set is {WebMercatorQuad.Id}, not '{id}'.", $"仅提供 {WebMercatorQuad.Id} 瓦片矩阵集，没有“{id}”。");

    private static bool TryLevel(string text, long min, long max, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
}
