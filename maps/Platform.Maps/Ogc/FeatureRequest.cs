using System.Globalization;
using Microsoft.AspNetCore.Http;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Maps;
using Platform.Maps.Ogc.Cql2;

namespace Platform.Maps.Ogc;

/// <summary>
/// The query parameters of <c>/items</c>, checked: paging (limit capped at <see cref="OgcEndpoints.MaxLimit"/>), bbox,
/// CRSs, datetime, the CQL2 filter, field equality (queryables as query parameters), sortby and properties.
/// </summary>
internal sealed record FeatureRequest(
    int Limit, int Offset, Envelope? Bbox, OgcCrs Crs, DatetimeParameter Datetime, CqlPredicate? Filter,
    IReadOnlyDictionary<string, string> Equal, IReadOnlyList<(string Name, bool Descending)> SortBy, IReadOnlyList<string>? Properties)
{
    private static readonly HashSet<string> Standard =
        ["limit", "offset", "bbox", "bbox-crs", "crs", "datetime", "filter", "filter-lang", "filter-crs", "sortby", "properties", "f"];

    /// <summary>The request, or the problem answer naming the first bad parameter.</summary>
    public static (FeatureRequest? Request, IResult? Problem) Parse(IQueryCollection q, LayerDescriptor layer)
    {
        var queryables = CqlQueryables.Of(layer);
        foreach (var key in q.Keys)
        {
            if (!Standard.Contains(key) && !queryables.Fields.ContainsKey(key))
                return Fail("400", key, $"Unknown parameter '{key}'. Parameters: {string.Join(", ", Standard)}; field filters: {string.Join(", ", queryables.Fields.Keys)}.",
                    $"未知参数“{key}”。可用参数：{string.Join("、", Standard)}；可筛选字段：{string.Join("、", queryables.Fields.Keys)}。");
        }
        if (!int.TryParse(q["limit"].FirstOrDefault() ?? OgcEndpoints.DefaultLimit.ToString(CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit) || limit < 1)
            return Fail("400", "limit", "limit must be a positive integer.", "limit 须为正整数。");
        // Part 1 (/req/core/fc-limit-response-1): a limit above the maximum is answered with the maximum, not refused.
        limit = Math.Min(limit, OgcEndpoints.MaxLimit);
        if (!int.TryParse(q["offset"].FirstOrDefault() ?? "0", NumberStyles.Integer, CultureInfo.InvariantCulture, out var offset) || offset < 0)
            return Fail("400", "offset", "offset must be a non-negative integer.", "offset 须为非负整数。");
        if (OgcCrs.Find(q["crs"]) is not { } crs)
            return Fail("400", "crs", UnsupportedCrs(q["crs"]!), $"不支持坐标系“{q["crs"]}”。");
        if (OgcCrs.Find(q["bbox-crs"]) is not { } bboxCrs)
            return Fail("400", "bbox-crs", UnsupportedCrs(q["bbox-crs"]!), $"不支持坐标系“{q["bbox-crs"]}”。");
        if (OgcCrs.Find(q["filter-crs"]) is not { } filterCrs)
            return Fail("400", "filter-crs", UnsupportedCrs(q["filter-crs"]!), $"不支持坐标系“{q["filter-crs"]}”。");

        Envelope? bbox = null;
        if (!string.IsNullOrEmpty(q["bbox"]))
        {
            var numbers = q["bbox"].ToString().Split(',')
                .Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToArray();
            if (numbers.Length is not (4 or 6) || numbers.Any(double.IsNaN))
                return Fail("400", "bbox", "bbox must be four (or six) numbers: lower corner, upper corner, in the axis order of bbox-crs.", "bbox 须为四个（或六个）数：先最小角，后最大角，按 bbox-crs 的轴序。");
            var (a1, b1, a2, b2) = numbers.Length == 4 ? (numbers[0], numbers[1], numbers[2], numbers[3]) : (numbers[0], numbers[1], numbers[3], numbers[4]);
            // Only the second axis is checked with a wrap: in CRS84 minx > maxx would cross the antimeridian, which no
            // street does; here it is an inverted box either way.
            if (a1 > a2 || b1 > b2)
                return Fail("400", "bbox", $"bbox is inverted: the lower corner ({a1}, {b1}) must not exceed the upper corner ({a2}, {b2}).",
                    $"bbox 坐标颠倒：最小角（{a1}, {b1}）不得大于最大角（{a2}, {b2}）。");
            try
            {
                bbox = bboxCrs.ToStorageEnvelope(a1, b1, a2, b2);
            }
            catch (Platform.Spatial.CoordinateOutOfRangeException e)
            {
                return Fail("400", "bbox", $"bbox is outside the area of {bboxCrs.Code}: {e.Message}", "bbox 超出坐标系适用范围。");
            }
        }
        if (!DatetimeParameter.TryParse(q["datetime"], out var datetime, out var reason, out var reasonZh))
            return Fail("400", "datetime", reason, reasonZh);

        CqlPredicate? filter = null;
        if (q["filter-lang"].FirstOrDefault() is { } lang && lang != "cql2-text")
            return Fail("400", "filter-lang", $"filter-lang '{lang}' is not offered; use cql2-text.", $"不支持筛选语言“{lang}”，请用 cql2-text。");
        if (q["filter"].FirstOrDefault() is { } text)
        {
            try
            {
                filter = CqlParser.Parse(text, queryables, filterCrs.ToStorage);
            }
            catch (CqlException e)
            {
                return (null, ProblemResults.Problem(400, "filter", $"filter, character {e.Position}: {e.Reason}", $"filter 第 {e.Position} 个字符处：{e.ReasonZh}",
                    new Dictionary<string, object?> { ["position"] = e.Position }));
            }
        }
        var equal = queryables.Fields.Keys.Where(q.ContainsKey).ToDictionary(f => f, f => q[f].ToString(), StringComparer.Ordinal);

        var sortBy = new List<(string, bool)>();
        foreach (var key in Split(q["sortby"]))
        {
            var descending = key.StartsWith('-');
            var name = key.TrimStart('+', '-', ' ');
            if (!queryables.Fields.ContainsKey(name))
                return Fail("400", "sortby", $"Cannot sort by '{name}': not a property of '{layer.Id}'. Sortable: {string.Join(", ", queryables.Fields.Keys)}.",
                    $"无法按“{name}”排序：图层中没有该属性。可排序：{string.Join("、", queryables.Fields.Keys)}。");
            sortBy.Add((name, descending));
        }

        List<string>? properties = null;
        if (q.ContainsKey("properties"))
        {
            properties = Split(q["properties"]).ToList();
            if (properties.FirstOrDefault(p => layer.Fields.All(f => f.Name != p)) is { } unknown)
                return Fail("400", "properties", $"'{unknown}' is not a property of '{layer.Id}'. Properties: {string.Join(", ", layer.Fields.Select(f => f.Name))}.",
                    $"图层中没有属性“{unknown}”。属性：{string.Join("、", layer.Fields.Select(f => f.Name))}。");
        }
        return (new FeatureRequest(limit, offset, bbox, crs, datetime, filter, equal, sortBy, properties), null);
    }

    /// <summary>The features of <paramref name="snapshots"/> that match, each once, in the requested order (by id otherwise).</summary>
    public IReadOnlyList<MapFeature> Select(IReadOnlyList<LayerSnapshot> snapshots, LayerDescriptor layer)
    {
        var query = new LayerQuery(Bbox, null, Equal.Where(e => e.Key != "id" || layer.Fields.Any(f => f.Name == "id")).ToDictionary());
        IEnumerable<MapFeature> candidates = snapshots[0].Index.Query(query);
        if (snapshots.Count > 1)
        {
            var seen = candidates.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
            candidates = candidates.Concat(snapshots.Skip(1).SelectMany(s => s.Index.Query(query)).Where(f => seen.Add(f.Id)))
                .OrderBy(f => f.Id, StringComparer.Ordinal);
        }
        if (Equal.TryGetValue("id", out var id) && layer.Fields.All(f => f.Name != "id"))
            candidates = candidates.Where(f => f.Id == id);
        if (Filter is not null)
            candidates = candidates.Where(Filter.Matches);
        if (SortBy.Count == 0)
            return candidates.ToList();
        var types = CqlQueryables.Of(layer).Fields;
        IOrderedEnumerable<MapFeature>? ordered = null;
        foreach (var (name, descending) in SortBy)
        {
            var key = new PropertyScalar(name, types[name]);
            var comparer = Comparer<object?>.Create((a, b) => a is null ? (b is null ? 0 : 1) : b is null ? -1 : CqlScalar.Compare(a, b) ?? 0);
            ordered = ordered is null
                ? descending ? candidates.OrderByDescending(key.Value, comparer) : candidates.OrderBy(key.Value, comparer)
                : descending ? ordered.ThenByDescending(key.Value, comparer) : ordered.ThenBy(key.Value, comparer);
        }
        return ordered!.ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> Split(Microsoft.Extensions.Primitives.StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string UnsupportedCrs(string given) =>
        $"CRS '{given}' is not offered. Offered: {string.Join(", ", OgcCrs.Supported.Select(c => c.Uri))}.";

    private static (FeatureRequest?, IResult?) Fail(string status, string field, string reason, string reasonZh) =>
        (null, ProblemResults.Problem(int.Parse(status, CultureInfo.InvariantCulture), field, reason, reasonZh));
}
