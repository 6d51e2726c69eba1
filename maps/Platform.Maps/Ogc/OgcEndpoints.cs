using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Maps;
using Platform.Maps.OpenApi;

namespace Platform.Maps.Ogc;

/// <summary>
/// OGC API – Features at <c>/ogc</c>: Part 1 (core, GeoJSON, HTML, OpenAPI 3.0), Part 2 (CRS by reference) and Part 3
/// (queryables, CQL2-text filter), plus <c>sortby</c> and <c>properties</c>. One collection per active layer; every
/// resource answers GET and HEAD, as JSON or HTML (<see cref="OgcFormat"/>), with <c>Access-Control-Allow-Origin: *</c>.
/// See <see cref="OgcCrs"/> for axis order and precision.
/// </summary>
internal static class OgcEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 10_000;
    private const string GeoJson = "application/geo+json";
    private const string OpenApiType = "application/vnd.oai.openapi+json;version=3.0";
    private static readonly string[] GetHead = ["GET", "HEAD"];

    /// <summary>The conformance classes declared at <c>/ogc/conformance</c>; each is exercised by the tests.</summary>
    public static IReadOnlyList<string> ConformanceClasses { get; } =
    [
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
        "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
        "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
        "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
        "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
        "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
        "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus",
        "http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions",
        "http://www.opengis.net/spec/cql2/1.0/conf/temporal-functions",
        // sortby as OGC API – Records defines it (Features has no published sorting part yet), as GeoServer and pygeoapi declare it.
        "http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/sorting",
        // OGC API – Tiles (served by Platform.Maps.Tiles): vector tilesets of every collection and of the whole map.
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/dataset-tilesets",
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt",
    ];

    // Link relations of OGC API – Tiles (the tiles' own documents link back with the same names).
    private const string VectorTilesetsRel = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector";
    private const string TilingSchemesRel = "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes";

    public static void MapOgcFeatures(this IEndpointRouteBuilder app)
    {
        var ogc = app.MapGroup("/ogc");
        ogc.AddEndpointFilter(async (context, next) =>
        {
            // Any web page may read the public layers (GET and HEAD are simple requests: no preflight needed).
            context.HttpContext.Response.Headers.AccessControlAllowOrigin = "*";
            context.HttpContext.Response.Headers.AccessControlExposeHeaders = "Content-Crs";
            return await next(context);
        });
        ogc.MapMethods("", GetHead, Landing).ProducesOgc("application/json", "text/html");
        ogc.MapMethods("/api", GetHead, ApiDefinition).ProducesOgc("application/vnd.oai.openapi+json;version=3.0", "text/html");
        ogc.MapMethods("/conformance", GetHead, (HttpContext http) => Answer(http, "符合的标准 · Conformance", null, "application/json", w =>
        {
            w.WriteStartArray("conformsTo");
            foreach (var c in ConformanceClasses)
                w.WriteStringValue(c);
            w.WriteEndArray();
            w.WriteStartArray("links");
            SelfLinks(w, $"{BaseUri(http)}/ogc/conformance", "application/json", "符合的标准 · conformance");
            w.WriteEndArray();
        })).ProducesOgc("application/json", "text/html");
        ogc.MapMethods("/collections", GetHead, CollectionsAsync).ProducesOgc("application/json", "text/html");
        ogc.MapMethods("/collections/{id}", GetHead, CollectionAsync).ProducesOgc("application/json", "text/html");
        ogc.MapMethods("/collections/{id}/queryables", GetHead, QueryablesAsync).ProducesOgc("application/schema+json", "text/html");
        ogc.MapMethods("/collections/{id}/items", GetHead, ItemsAsync).ProducesOgc("application/geo+json", "text/html");
        ogc.MapMethods("/collections/{id}/items/{featureId}", GetHead, ItemAsync).ProducesOgc("application/geo+json", "text/html");
    }

    private static IResult Landing(HttpContext http)
    {
        var b = BaseUri(http);
        return Answer(http, "社区发展治理平台 · OGC API – Features", null, "application/json", w =>
        {
            w.WriteString("title", "社区发展治理平台 · Community Development Platform");
            w.WriteString("description", "兴隆街道图层（OGC API – Features）· Layers of Xinglong Street");
            w.WriteStartArray("links");
            SelfLinks(w, $"{b}/ogc", "application/json", "本页 · this document");
            Link(w, $"{b}/ogc/api", "service-desc", OpenApiType, "API 定义（OpenAPI 3.0）· API definition");
            Link(w, $"{b}/ogc/api?f=html", "service-doc", "text/html", "API 说明 · API documentation");
            Link(w, $"{b}/ogc/conformance", "conformance", "application/json", "符合的标准 · conformance");
            Link(w, $"{b}/ogc/collections", "data", "application/json", "图层 · collections");
            Link(w, $"{b}/ogc/tiles", VectorTilesetsRel, "application/json", "全图矢量瓦片 · vector tiles of all layers");
            Link(w, $"{b}/ogc/tileMatrixSets", TilingSchemesRel, "application/json", "瓦片矩阵集 · tile matrix sets");
            Link(w, $"{b}/ogc/styles", "styles", "application/json", "地图样式（MapLibre）· map styles");
            w.WriteEndArray();
        });
    }

    private static IResult ApiDefinition(HttpContext http, ILayerCatalog catalog)
    {
        var document = OgcOpenApi.Build(BaseUri(http), catalog.Active.Select(l => l.Descriptor).ToList());
        if (!OgcFormat.TryWantsHtml(http.Request, out var html))
            return BadFormat();
        var bytes = Encoding.UTF8.GetBytes(document.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        return html ? Html("API 定义 · API definition", bytes, null) : Results.Bytes(bytes, OpenApiType);
    }

    private static async Task<IResult> CollectionsAsync(HttpContext http, OgcFeatureSource source)
    {
        var b = BaseUri(http);
        var layers = source.Catalog.Active;
        var snapshots = new List<LayerSnapshot>();
        foreach (var layer in layers)
            snapshots.Add(await source.SnapshotAsync(layer, null, http.RequestAborted));
        return Answer(http, "图层 · Collections", null, "application/json", w =>
        {
            w.WriteStartArray("links");
            SelfLinks(w, $"{b}/ogc/collections", "application/json", "图层 · collections");
            w.WriteEndArray();
            WriteCrsList(w);
            w.WriteStartArray("collections");
            for (var i = 0; i < layers.Count; i++)
            {
                w.WriteStartObject();
                WriteCollectionBody(w, b, layers[i].Descriptor, snapshots[i]);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    private static async Task<IResult> CollectionAsync(string id, HttpContext http, OgcFeatureSource source)
    {
        if (source.Catalog.Find(id) is not { } layer)
            return UnknownCollection(id);
        var snapshot = await source.SnapshotAsync(layer, null, http.RequestAborted);
        return Answer(http, $"{layer.Descriptor.TitleZh} · {layer.Descriptor.TitleEn}", layer.Descriptor, "application/json",
            w => WriteCollectionBody(w, BaseUri(http), layer.Descriptor, snapshot));
    }

    private static async Task<IResult> QueryablesAsync(string id, HttpContext http, OgcFeatureSource source)
    {
        if (source.Catalog.Find(id) is not { } layer)
            return UnknownCollection(id);
        var snapshot = await source.SnapshotAsync(layer, null, http.RequestAborted);
        var d = layer.Descriptor;
        var self = $"{BaseUri(http)}/ogc/collections/{id}/queryables";
        return Answer(http, $"{d.TitleZh}：可查询属性 · Queryables", d, "application/schema+json", w =>
        {
            w.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
            w.WriteString("$id", self);
            w.WriteString("type", "object");
            w.WriteString("title", $"{d.TitleZh} · {d.TitleEn}");
            w.WriteString("description", "可用于 filter（CQL2）、sortby 和同名查询参数的属性 · properties usable in filter (CQL2), sortby and as query parameters");
            w.WriteStartObject("properties");
            w.WriteStartObject(Cql2.CqlQueryables.Geometry);
            w.WriteString("title", "几何 · Geometry");
            w.WriteString("format", $"geometry-{(snapshot.GeometryType ?? DeclaredType(d)).ToLowerInvariant()}");
            w.WriteString("x-ogc-role", "primary-geometry");
            w.WriteEndObject();
            w.WriteStartObject("id");
            w.WriteString("title", "要素标识 · Feature id");
            w.WriteString("type", "string");
            w.WriteString("x-ogc-role", "id");
            w.WriteEndObject();
            foreach (var f in d.Fields)
            {
                w.WriteStartObject(f.Name);
                w.WriteString("title", $"{f.TitleZh} · {f.TitleEn}");
                w.WriteString("type", f.Type is "integer" or "number" or "boolean" ? f.Type : "string");
                if (f.Type is "date")
                    w.WriteString("format", "date");
                if (d.Style.ThemeField == f.Name && d.Style.Legend.Count > 1)
                {
                    w.WriteStartArray("enum");
                    foreach (var e in d.Style.Legend)
                        w.WriteStringValue(e.Value);
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteBoolean("additionalProperties", false);
            w.WriteStartArray("links");
            SelfLinks(w, self, "application/schema+json", "可查询属性 · queryables");
            w.WriteEndArray();
        });
    }

    private static async Task<IResult> ItemsAsync(string id, HttpContext http, OgcFeatureSource source)
    {
        if (source.Catalog.Find(id) is not { } layer)
            return UnknownCollection(id);
        if (!OgcFormat.TryWantsHtml(http.Request, out _))
            return BadFormat();
        var (request, problem) = FeatureRequest.Parse(http.Request.Query, layer.Descriptor);
        if (request is null)
            return problem!;
        var snapshots = await source.SnapshotsAsync(layer, request.Datetime, http.RequestAborted);
        var matched = request.Select(snapshots, layer.Descriptor);
        var page = matched.Skip(request.Offset).Take(request.Limit).ToList();
        var type = snapshots[0].GeometryType;

        var b = BaseUri(http);
        var self = $"{b}/ogc/collections/{id}/items";
        http.Response.Headers["Content-Crs"] = $"<{request.Crs.Uri}>";
        return Answer(http, $"{layer.Descriptor.TitleZh}：要素 · Features", layer.Descriptor, GeoJson, w =>
        {
            w.WriteString("type", "FeatureCollection");
            w.WriteString("timeStamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            w.WriteNumber("numberMatched", matched.Count);
            w.WriteNumber("numberReturned", page.Count);
            w.WriteStartArray("features");
            foreach (var f in page)
                FeatureJsonWriter.WriteFeature(w, f, request.Crs, type, request.Properties);
            w.WriteEndArray();
            w.WriteStartArray("links");
            Link(w, PageUri(self, http.Request.Query, request.Offset, request.Limit, "json"), "self", GeoJson, "本页 · this page");
            Link(w, PageUri(self, http.Request.Query, request.Offset, request.Limit, "html"), "alternate", "text/html", "本页（网页）· this page as HTML");
            if (request.Offset + request.Limit < matched.Count)
                Link(w, PageUri(self, http.Request.Query, request.Offset + request.Limit, request.Limit, null), "next", GeoJson, "下一页 · next page");
            if (request.Offset > 0)
                Link(w, PageUri(self, http.Request.Query, Math.Max(0, request.Offset - request.Limit), request.Limit, null), "prev", GeoJson, "上一页 · previous page");
            Link(w, $"{b}/ogc/collections/{id}", "collection", "application/json", layer.Descriptor.TitleZh);
            w.WriteEndArray();
        });
    }

    private static async Task<IResult> ItemAsync(string id, string featureId, HttpContext http, OgcFeatureSource source)
    {
        if (source.Catalog.Find(id) is not { } layer)
            return UnknownCollection(id);
        var q = http.Request.Query;
        if (OgcCrs.Find(q["crs"]) is not { } crs)
            return ProblemResults.Problem(400, "crs", $"CRS '{q["crs"]}' is not offered.", $"不支持坐标系“{q["crs"]}”。");
        if (!DatetimeParameter.TryParse(q["datetime"], out var datetime, out var reason, out var reasonZh))
            return ProblemResults.Problem(400, "datetime", reason, reasonZh);
        var properties = q.ContainsKey("properties") ? q["properties"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null;
        var snapshots = await source.SnapshotsAsync(layer, datetime, http.RequestAborted);
        if (snapshots.Select(s => s.Find(featureId)).FirstOrDefault(f => f is not null) is not { } feature)
            return ProblemResults.Problem(404, "featureId", $"Collection '{id}' has no feature '{featureId}'.", $"图层“{layer.Descriptor.TitleZh}”中没有要素“{featureId}”。");
        var b = BaseUri(http);
        http.Response.Headers["Content-Crs"] = $"<{crs.Uri}>";
        return Answer(http, $"{layer.Descriptor.TitleZh}：{featureId}", layer.Descriptor, GeoJson, w =>
        {
            FeatureJsonWriter.WriteFeatureMembers(w, feature, crs, snapshots[0].GeometryType, properties);
            w.WriteStartArray("links");
            SelfLinks(w, $"{b}/ogc/collections/{id}/items/{Uri.EscapeDataString(feature.Id)}", GeoJson, "本要素 · this feature");
            Link(w, $"{b}/ogc/collections/{id}", "collection", "application/json", "图层 · collection");
            w.WriteEndArray();
        });
    }

    private static void WriteCollectionBody(Utf8JsonWriter w, string b, LayerDescriptor d, LayerSnapshot snapshot)
    {
        var type = snapshot.GeometryType ?? DeclaredType(d);
        w.WriteString("id", d.Id);
        w.WriteString("title", $"{d.TitleZh} · {d.TitleEn}");
        w.WriteString("description", $"{d.TitleZh}（{type}，{snapshot.Features.Count} 个要素）{(d.Temporal ? "，可按日期查询（datetime）" : "")}. {d.TitleEn} ({type}, {snapshot.Features.Count} features){(d.Temporal ? ", answers as of a date (datetime)" : "")}.");
        w.WriteString("itemType", "feature");
        // Not in Part 1; the name OGC API – Features Part 5 (schemas) and pygeoapi/ldproxy use. Features of a mixed layer are
        // written promoted to this type (a Polygon as a one-part MultiPolygon), so it holds for every feature.
        w.WriteString("geometryType", type);
        w.WriteStartArray("links");
        SelfLinks(w, $"{b}/ogc/collections/{d.Id}", "application/json", d.TitleZh);
        Link(w, $"{b}/ogc/collections/{d.Id}/items", "items", GeoJson, $"{d.TitleZh}要素 · features");
        Link(w, $"{b}/ogc/collections/{d.Id}/items?f=html", "items", "text/html", $"{d.TitleZh}要素（网页）· features as HTML");
        Link(w, $"{b}/ogc/collections/{d.Id}/queryables", "http://www.opengis.net/def/rel/ogc/1.0/queryables", "application/schema+json", "可查询属性 · queryables");
        Link(w, $"{b}/ogc/collections/{d.Id}/tiles", VectorTilesetsRel, "application/json", $"{d.TitleZh}矢量瓦片 · vector tiles");
        w.WriteEndArray();
        w.WriteStartObject("extent");
        w.WriteStartObject("spatial");
        w.WriteStartArray("bbox");
        w.WriteStartArray();
        var box = snapshot.Extent;
        foreach (var v in box is null ? [-180.0, -90, 180, 90] : new[] { box.MinX, box.MinY, box.MaxX, box.MaxY })
            w.WriteNumberValue(Math.Round(v, 7));
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

    private static string DeclaredType(LayerDescriptor d) => d.GeometryType;

    private static void WriteCrsList(Utf8JsonWriter w)
    {
        w.WriteStartArray("crs");
        foreach (var c in OgcCrs.Supported)
            w.WriteStringValue(c.Uri);
        w.WriteEndArray();
    }

    private static void SelfLinks(Utf8JsonWriter w, string href, string type, string title)
    {
        Link(w, href, "self", type, title);
        Link(w, href + (href.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "f=html", "alternate", "text/html", $"{title}（网页 · HTML）");
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

    private static string PageUri(string path, IQueryCollection query, int offset, int limit, string? format)
    {
        var parts = query.Where(p => p.Key is not ("offset" or "limit") && (format is null || p.Key != "f"))
            .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value.ToString())}")
            .Append($"limit={limit}").Append($"offset={offset}");
        if (format is not null)
            parts = parts.Append($"f={format}");
        return $"{path}?{string.Join('&', parts)}";
    }

    private static string BaseUri(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    private static IResult UnknownCollection(string id) =>
        ProblemResults.Problem(404, "collectionId", $"There is no collection '{id}'.", $"没有图层“{id}”。");

    private static IResult BadFormat() =>
        ProblemResults.Problem(400, "f", "f must be json or html.", "f 须为 json 或 html。");

    /// <summary>The resource as JSON (<paramref name="contentType"/>) or, when asked, as the HTML page rendered from that JSON.</summary>
    private static IResult Answer(HttpContext http, string heading, LayerDescriptor? layer, string contentType, Action<Utf8JsonWriter> body)
    {
        if (!OgcFormat.TryWantsHtml(http.Request, out var html))
            return BadFormat();
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        http.Response.Headers.Vary = "Accept";
        return html ? Html(heading, buffer.WrittenMemory.ToArray(), layer) : Results.Bytes(buffer.WrittenMemory.ToArray(), contentType);
    }

    private static IResult Html(string heading, byte[] json, LayerDescriptor? layer)
    {
        using var document = JsonDocument.Parse(json);
        return Results.Content(OgcHtml.Render(heading, document.RootElement, layer), "text/html; charset=utf-8", Encoding.UTF8);
    }
}
