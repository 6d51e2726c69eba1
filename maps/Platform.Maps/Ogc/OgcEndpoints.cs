using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Maps;
using Platform.Maps.Layers;

namespace Platform.Maps.Ogc;

/// <summary>
/// OGC API – Features Part 1 (core, GeoJSON) and Part 2 (CRS by reference) at <c>/ogc</c>: one collection
/// per active layer. JSON only; see <see cref="OgcCrs"/> for axis order.
/// </summary>
internal static class OgcEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 10_000;
    private const string GeoJson = "application/geo+json";

    private static readonly string[] ConformanceClasses =
    [
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
    ];

    private static readonly HashSet<string> StandardParameters = ["limit", "offset", "bbox", "bbox-crs", "crs", "datetime", "f"];

    public static void MapOgcFeatures(this IEndpointRouteBuilder app)
    {
        var ogc = app.MapGroup("/ogc");
        ogc.MapGet("", Landing);
        ogc.MapGet("/conformance", () => Json(w =>
        {
            w.WriteStartArray("conformsTo");
            foreach (var c in ConformanceClasses)
                w.WriteStringValue(c);
            w.WriteEndArray();
        }));
        ogc.MapGet("/collections", CollectionsAsync);
        ogc.MapGet("/collections/{id}", CollectionAsync);
        ogc.MapGet("/collections/{id}/items", ItemsAsync);
        ogc.MapGet("/collections/{id}/items/{featureId}", ItemAsync);
    }

    private static IResult Landing(HttpContext http)
    {
        var b = BaseUri(http);
        return Json(w =>
        {
            w.WriteString("title", "社区发展治理平台 · Community Development Platform");
            w.WriteString("description", "兴隆街道图层（OGC API – Features）· Layers of Xinglong Street");
            w.WriteStartArray("links");
            Link(w, $"{b}/ogc", "self", "application/json", "本页 · this document");
            Link(w, $"{b}/ogc/conformance", "conformance", "application/json", "符合性 · conformance");
            Link(w, $"{b}/ogc/collections", "data", "application/json", "图层 · collections");
            w.WriteEndArray();
        });
    }

    private static async Task<IResult> CollectionsAsync(HttpContext http, ILayerCatalog catalog, CollectionExtents extents)
    {
        var b = BaseUri(http);
        var layers = catalog.Active;
        var boxes = new List<Envelope?>();
        foreach (var layer in layers)
            boxes.Add(await extents.ExtentAsync(layer, http.RequestAborted));
        return Json(w =>
        {
            w.WriteStartArray("links");
            Link(w, $"{b}/ogc/collections", "self", "application/json", "图层 · collections");
            w.WriteEndArray();
            WriteCrsList(w);
            w.WriteStartArray("collections");
            for (var i = 0; i < layers.Count; i++)
                WriteCollection(w, b, layers[i].Descriptor, boxes[i]);
            w.WriteEndArray();
        });
    }

    private static async Task<IResult> CollectionAsync(string id, HttpContext http, ILayerCatalog catalog, CollectionExtents extents)
    {
        if (catalog.Find(id) is not { } layer)
            return UnknownCollection(id);
        var box = await extents.ExtentAsync(layer, http.RequestAborted);
        return Json(w => WriteCollectionBody(w, BaseUri(http), layer.Descriptor, box));
    }

    private static async Task<IResult> ItemsAsync(string id, HttpContext http, LayerReader reader)
    {
        if (reader.Catalog.Find(id) is not { } layer)
            return UnknownCollection(id);
        var q = http.Request.Query;
        var fieldNames = layer.Descriptor.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var key in q.Keys)
        {
            if (!StandardParameters.Contains(key) && !fieldNames.Contains(key))
                return ProblemResults.Problem(400, key, $"Unknown parameter '{key}'. Filters are the collection's fields: {string.Join(", ", fieldNames)}.",
                    $"未知参数“{key}”。可筛选的字段：{string.Join("、", fieldNames)}。");
        }
        if (!TryInt(q["limit"], DefaultLimit, 1, MaxLimit, out var limit))
            return ProblemResults.Problem(400, "limit", $"limit must be an integer from 1 to {MaxLimit}.", $"limit 须为 1 至 {MaxLimit} 的整数。");
        if (!TryInt(q["offset"], 0, 0, int.MaxValue, out var offset))
            return ProblemResults.Problem(400, "offset", "offset must be a non-negative integer.", "offset 须为非负整数。");
        if (OgcCrs.Find(q["crs"]) is not { } crs)
            return UnsupportedCrs("crs", q["crs"]!);
        if (OgcCrs.Find(q["bbox-crs"]) is not { } bboxCrs)
            return UnsupportedCrs("bbox-crs", q["bbox-crs"]!);
        Envelope? bbox = null;
        if (!string.IsNullOrEmpty(q["bbox"]))
        {
            var parts = q["bbox"].ToString().Split(',');
            var numbers = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToArray();
            if (numbers.Length is not (4 or 6) || numbers.Any(double.IsNaN))
                return ProblemResults.Problem(400, "bbox", "bbox must be four numbers: minx,miny,maxx,maxy in the axis order of bbox-crs.", "bbox 须为四个数。");
            var (a1, b1, a2, b2) = numbers.Length == 4 ? (numbers[0], numbers[1], numbers[2], numbers[3]) : (numbers[0], numbers[1], numbers[3], numbers[4]);
            try
            {
                bbox = bboxCrs.ToStorageEnvelope(a1, b1, a2, b2);
            }
            catch (Exception e) when (e is Platform.Spatial.CoordinateOutOfRangeException)
            {
                return ProblemResults.Problem(400, "bbox", $"bbox is outside the area of {bboxCrs.Code}: {e.Message}", "bbox 超出坐标系适用范围。");
            }
        }
        if (!TryDatetime(q["datetime"], out var date))
            return ProblemResults.Problem(400, "datetime", "datetime must be a date or an instant (RFC 3339), e.g. 2020-06-30; intervals are not supported.",
                "datetime 须为日期或时刻（如 2020-06-30），不支持时间段。");

        var filters = fieldNames.Where(f => q.ContainsKey(f)).ToDictionary(f => f, f => q[f].ToString(), StringComparer.Ordinal);
        var features = await reader.ReadAsync(layer, bbox, date, filters, http.RequestAborted);
        // A feature is in the bbox when its geometry meets it, not merely its envelope (an L-shaped
        // community's envelope covers tiles the community itself does not reach).
        var box = bbox is null ? null : Platform.Spatial.StorageCrs.Factory.ToGeometry(bbox);
        features = features.Where(f => filters.All(p => f.Properties.TryGetValue(p.Key, out var v) && LayerReader.Text(v) == p.Value)
                                       && (box is null || (box.EnvelopeInternal.Intersects(f.Geometry.EnvelopeInternal) && box.Intersects(f.Geometry)))).ToList();
        var page = features.Skip(offset).Take(limit).ToList();

        var b = BaseUri(http);
        var self = $"{b}/ogc/collections/{id}/items";
        http.Response.Headers["Content-Crs"] = $"<{crs.Uri}>";
        return Json(w =>
        {
            w.WriteString("type", "FeatureCollection");
            w.WriteString("timeStamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            w.WriteNumber("numberMatched", features.Count);
            w.WriteNumber("numberReturned", page.Count);
            w.WriteStartArray("features");
            foreach (var f in page)
                FeatureJsonWriter.WriteFeature(w, f, crs);
            w.WriteEndArray();
            w.WriteStartArray("links");
            Link(w, PageUri(self, http.Request.Query, offset, limit), "self", GeoJson, "本页 · this page");
            if (offset + limit < features.Count)
                Link(w, PageUri(self, http.Request.Query, offset + limit, limit), "next", GeoJson, "下一页 · next page");
            if (offset > 0)
                Link(w, PageUri(self, http.Request.Query, Math.Max(0, offset - limit), limit), "prev", GeoJson, "上一页 · previous page");
            Link(w, $"{b}/ogc/collections/{id}", "collection", "application/json", layer.Descriptor.TitleZh);
            w.WriteEndArray();
        }, GeoJson);
    }

    private static async Task<IResult> ItemAsync(string id, string featureId, HttpContext http, LayerReader reader)
    {
        if (reader.Catalog.Find(id) is not { } layer)
            return UnknownCollection(id);
        var q = http.Request.Query;
        if (OgcCrs.Find(q["crs"]) is not { } crs)
            return UnsupportedCrs("crs", q["crs"]!);
        if (!TryDatetime(q["datetime"], out var date))
            return ProblemResults.Problem(400, "datetime", "datetime must be a date or an instant.", "datetime 须为日期或时刻。");
        var features = await reader.ReadAsync(layer, null, date, null, http.RequestAborted);
        if (features.FirstOrDefault(f => f.Id == featureId) is not { } feature)
            return ProblemResults.Problem(404, "featureId", $"Collection '{id}' has no feature '{featureId}'.", $"图层“{layer.Descriptor.TitleZh}”中没有要素“{featureId}”。");
        var b = BaseUri(http);
        http.Response.Headers["Content-Crs"] = $"<{crs.Uri}>";
        return Json(w => WriteFeatureBody(w, feature, crs, b, id), GeoJson);
    }

    private static void WriteFeatureBody(Utf8JsonWriter w, MapFeature feature, OgcCrs crs, string b, string id)
    {
        // Written as the members of an already opened object, so the root is the feature itself.
        w.WriteString("type", "Feature");
        w.WriteString("id", feature.Id);
        w.WritePropertyName("geometry");
        FeatureJsonWriter.WriteGeometry(w, crs.FromStorage(feature.Geometry), crs.NorthFirst);
        w.WritePropertyName("properties");
        w.WriteStartObject();
        foreach (var (key, value) in feature.Properties)
        {
            w.WritePropertyName(key);
            FeatureJsonWriter.WriteValue(w, value);
        }
        w.WriteEndObject();
        w.WriteStartArray("links");
        Link(w, $"{b}/ogc/collections/{id}/items/{Uri.EscapeDataString(feature.Id)}", "self", GeoJson, "本要素 · this feature");
        Link(w, $"{b}/ogc/collections/{id}", "collection", "application/json", "图层 · collection");
        w.WriteEndArray();
    }

    private static void WriteCollection(Utf8JsonWriter w, string b, LayerDescriptor d, Envelope? box)
    {
        w.WriteStartObject();
        WriteCollectionBody(w, b, d, box);
        w.WriteEndObject();
    }

    private static void WriteCollectionBody(Utf8JsonWriter w, string b, LayerDescriptor d, Envelope? box)
    {
        w.WriteString("id", d.Id);
        w.WriteString("title", $"{d.TitleZh} · {d.TitleEn}");
        w.WriteString("description", $"{d.TitleZh}（{d.GeometryType}）{(d.Temporal ? "，可按日期查询（datetime）" : "")}. {d.TitleEn}{(d.Temporal ? ", answers as of a date (datetime)" : "")}.");
        w.WriteString("itemType", "feature");
        w.WriteStartArray("links");
        Link(w, $"{b}/ogc/collections/{d.Id}", "self", "application/json", d.TitleZh);
        Link(w, $"{b}/ogc/collections/{d.Id}/items", "items", GeoJson, $"{d.TitleZh}要素 · features");
        w.WriteEndArray();
        w.WriteStartObject("extent");
        w.WriteStartObject("spatial");
        w.WriteStartArray("bbox");
        w.WriteStartArray();
        if (box is not null)
        {
            w.WriteNumberValue(box.MinX);
            w.WriteNumberValue(box.MinY);
            w.WriteNumberValue(box.MaxX);
            w.WriteNumberValue(box.MaxY);
        }
        else
        {
            foreach (var v in new[] { -180.0, -90, 180, 90 })
                w.WriteNumberValue(v);
        }
        w.WriteEndArray();
        w.WriteEndArray();
        w.WriteString("crs", OgcCrs.Crs84Uri);
        w.WriteEndObject();
        if (d.Temporal)
        {
            w.WriteStartObject("temporal");
            w.WriteStartArray("interval");
            w.WriteStartArray();
            w.WriteNullValue();
            w.WriteNullValue();
            w.WriteEndArray();
            w.WriteEndArray();
            w.WriteString("trs", "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian");
            w.WriteEndObject();
        }
        w.WriteEndObject();
        WriteCrsList(w);
        w.WriteString("storageCrs", OgcCrs.Storage.Uri);
    }

    private static void WriteCrsList(Utf8JsonWriter w)
    {
        w.WriteStartArray("crs");
        foreach (var c in OgcCrs.Supported)
            w.WriteStringValue(c.Uri);
        w.WriteEndArray();
    }

    private static void Link(Utf8JsonWriter w, string href, string rel, string type, string title)
    {
        w.WriteStartObject();
        w.WriteString("href", href);
        w.WriteString("rel", rel);
        w.WriteString("type", type);
        w.WriteString("title", title);
        w.WriteEndObject();
    }

    private static string PageUri(string path, IQueryCollection query, int offset, int limit)
    {
        var parts = query.Where(p => p.Key is not ("offset" or "limit"))
            .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value.ToString())}")
            .Append($"limit={limit}").Append($"offset={offset}");
        return $"{path}?{string.Join('&', parts)}";
    }

    private static string BaseUri(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    private static bool TryInt(string? text, int fallback, int min, int max, out int value)
    {
        value = fallback;
        if (string.IsNullOrEmpty(text))
            return true;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }

    private static bool TryDatetime(string? text, out DateOnly? date)
    {
        date = null;
        if (text is null || text.Contains('/'))
            return text is null;
        return DateParameter.TryParse(text, out date);
    }

    private static IResult UnknownCollection(string id) =>
        ProblemResults.Problem(404, "collectionId", $"There is no collection '{id}'.", $"没有图层“{id}”。");

    private static IResult UnsupportedCrs(string field, string given) =>
        ProblemResults.Problem(400, field, $"CRS '{given}' is not offered. Offered: {string.Join(", ", OgcCrs.Supported.Select(c => c.Uri))}.",
            $"不支持坐标系“{given}”。");

    private static IResult Json(Action<Utf8JsonWriter> body, string contentType = "application/json")
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        return Results.Bytes(buffer.WrittenMemory.ToArray(), contentType);
    }
}
