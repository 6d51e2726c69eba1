using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Commands;
using Platform.Maps.Layers;

namespace Platform.Maps.Statistics;

/// <summary>
/// <c>GET /api/maps/statistics?layer=&amp;date=</c> (counts and areas per community) and
/// <c>GET /api/maps/search?q=&amp;date=</c> (features of every layer whose name or label contains the text).
/// </summary>
internal static class StatisticsEndpoints
{
    public const int MaxSearchResults = 50;

    public static void MapStatistics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/maps/statistics", StatisticsAsync).Produces<LayerStatistics>();
        app.MapGet("/api/maps/search", SearchAsync).Produces<List<SearchHit>>();
    }

    private static async Task<IResult> StatisticsAsync(HttpContext http, LayerReader reader, CommunityStatistics statistics)
    {
        var q = http.Request.Query;
        if (reader.Catalog.Find(q["layer"].ToString()) is not { } layer)
            return ProblemResults.Problem(404, "layer", $"There is no layer '{q["layer"]}'.", $"没有图层“{q["layer"]}”。");
        if (!DateParameter.TryParse(q["date"], out var date))
            return ProblemResults.Problem(400, "date", "date must be yyyy-MM-dd.", "日期格式须为 yyyy-MM-dd。");
        var result = await statistics.ComputeAsync(layer, date, http.RequestAborted);
        return result is null
            ? ProblemResults.Problem(503, "layer", "The communities layer (jurisdiction-communities) is not available.", "社区图层不可用。")
            : Results.Json(result);
    }

    private static async Task<IResult> SearchAsync(HttpContext http, LayerReader reader)
    {
        var q = http.Request.Query;
        var text = q["q"].ToString().Trim();
        if (text.Length == 0)
            return ProblemResults.Problem(400, "q", "Give the text to search for in q.", "请输入要搜索的名称。");
        if (!DateParameter.TryParse(q["date"], out var date))
            return ProblemResults.Problem(400, "date", "date must be yyyy-MM-dd.", "日期格式须为 yyyy-MM-dd。");
        var hits = new List<SearchHit>();
        foreach (var layer in reader.Catalog.Active)
        {
            var d = layer.Descriptor;
            var fields = new[] { d.Style.LabelField, "name" }.Where(f => f is not null).Distinct().ToArray();
            foreach (var f in await reader.ReadAsync(layer, null, date, null, http.RequestAborted))
            {
                var name = fields.Select(n => LayerReader.Text(f.Properties.GetValueOrDefault(n!))).FirstOrDefault(v => v is not null);
                if (name is null || !name.Contains(text, StringComparison.OrdinalIgnoreCase))
                    continue;
                var e = f.Geometry.EnvelopeInternal;
                var p = Platform.Spatial.GeometryMeasurement.InteriorPoint(f.Geometry);
                hits.Add(new SearchHit(d.Id, d.TitleZh, d.TitleEn, f.Id, name, [e.MinX, e.MinY, e.MaxX, e.MaxY], [p.X, p.Y]));
                if (hits.Count >= MaxSearchResults)
                    return Results.Json(hits);
            }
        }
        return Results.Json(hits);
    }
}

/// <summary>A feature whose name contains the text searched for: its layer, its extent and a point inside it (EPSG:4490).</summary>
internal sealed record SearchHit(string Layer, string LayerTitleZh, string LayerTitleEn, string? Id, string Name, double[] Bbox, double[] Point);
