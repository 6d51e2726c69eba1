using System.Text.Json.Nodes;
using Platform.Abstractions.Maps;

namespace Platform.Maps.Ogc;

/// <summary>
/// The OpenAPI 3.0 definition of the OGC API (<c>service-desc</c>, Part 1 "OpenAPI 3.0" class): every path with its
/// parameters, the shared parameters under <c>components/parameters</c> (QGIS reads <c>limit</c>'s maximum there), and
/// per collection an items path listing its fields as query parameters (the queryables QGIS offers as simple filters).
/// </summary>
internal static class OgcOpenApi
{
    public static JsonObject Build(string baseUri, IReadOnlyList<LayerDescriptor> layers)
    {
        var paths = new JsonObject
        {
            ["/"] = Get("landingPage", "首页 · Landing page", "application/json", [Ref("f")]),
            ["/api"] = Get("getApi", "本 API 的 OpenAPI 定义 · API definition", "application/vnd.oai.openapi+json;version=3.0", [Ref("f")]),
            ["/conformance"] = Get("getConformance", "符合的标准 · Conformance classes", "application/json", [Ref("f")]),
            ["/collections"] = Get("getCollections", "图层列表 · Collections", "application/json", [Ref("f")]),
            ["/collections/{collectionId}"] = Get("describeCollection", "图层说明 · Collection", "application/json", [Ref("collectionId"), Ref("f")]),
            ["/collections/{collectionId}/queryables"] = Get("getQueryables", "可查询属性 · Queryables (JSON Schema)", "application/schema+json",
                [Ref("collectionId"), Ref("f")]),
            ["/collections/{collectionId}/items"] = Get("getFeatures", "要素 · Features", "application/geo+json", [Ref("collectionId"), .. ItemsParameters()]),
            ["/collections/{collectionId}/items/{featureId}"] = Get("getFeature", "单个要素 · Feature", "application/geo+json",
                [Ref("collectionId"), Ref("featureId"), Ref("crs"), Ref("datetime"), Ref("properties"), Ref("f")]),
        };
        foreach (var layer in layers)
        {
            JsonNode[] fields = [.. layer.Fields.Select(Field)];
            paths[$"/collections/{layer.Id}/items"] = Get($"getFeatures-{layer.Id}", $"{layer.TitleZh} · {layer.TitleEn}", "application/geo+json",
                [.. ItemsParameters(), .. fields]);
        }
        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject
            {
                ["title"] = "社区发展治理平台 OGC API – Features · Community Development Platform",
                ["description"] = "兴隆街道图层：OGC API – Features 第 1、2、3 部分（核心、坐标参照系、CQL2 筛选）。Layers of Xinglong Street: OGC API – Features Parts 1, 2 and 3.",
                ["version"] = "1.0.0",
                ["contact"] = new JsonObject { ["name"] = "社区发展治理平台 · Community Development Platform", ["url"] = baseUri },
                ["license"] = new JsonObject { ["name"] = "内部使用 · internal use" },
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = $"{baseUri}/ogc" }),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["parameters"] = Parameters(),
                ["schemas"] = new JsonObject
                {
                    ["problem"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["description"] = "RFC 7807 problem: field names the parameter, detail/detailZh the reason in English and Chinese.",
                        ["properties"] = new JsonObject
                        {
                            ["title"] = Type("string"), ["status"] = Type("integer"), ["detail"] = Type("string"),
                            ["detailZh"] = Type("string"), ["field"] = Type("string"), ["position"] = Type("integer"),
                        },
                    },
                },
            },
        };
    }

    private static JsonNode[] ItemsParameters() =>
    [
        Ref("limit"), Ref("offset"), Ref("bbox"), Ref("bbox-crs"), Ref("crs"), Ref("datetime"), Ref("filter"), Ref("filter-lang"),
        Ref("filter-crs"), Ref("sortby"), Ref("properties"), Ref("f"),
    ];

    private static JsonObject Parameters()
    {
        var crsList = new JsonArray([.. OgcCrs.Supported.Select(c => (JsonNode)c.Uri)]);
        return new JsonObject
        {
            ["collectionId"] = Path("collectionId", "图层标识 · collection id"),
            ["featureId"] = Path("featureId", "要素标识 · feature id"),
            ["limit"] = Query("limit", $"每页要素数，超过 {OgcEndpoints.MaxLimit} 按 {OgcEndpoints.MaxLimit} 计 · features per page; larger values are capped at {OgcEndpoints.MaxLimit}.",
                new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = OgcEndpoints.MaxLimit, ["default"] = OgcEndpoints.DefaultLimit }),
            ["offset"] = Query("offset", "跳过的要素数 · features skipped (paging)", new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["default"] = 0 }),
            ["bbox"] = Query("bbox", "外包框 minx,miny,maxx,maxy（bbox-crs 的轴序）· bounding box in the axis order of bbox-crs",
                new JsonObject { ["type"] = "array", ["minItems"] = 4, ["maxItems"] = 6, ["items"] = Type("number") }),
            ["bbox-crs"] = Query("bbox-crs", "bbox 的坐标系 · CRS of bbox", new JsonObject { ["type"] = "string", ["format"] = "uri", ["enum"] = crsList.DeepClone() }),
            ["crs"] = Query("crs", "输出坐标系 · output CRS", new JsonObject { ["type"] = "string", ["format"] = "uri", ["enum"] = crsList.DeepClone() }),
            ["datetime"] = Query("datetime", "日期、时刻或时间段（a/b、../b、a/..）· instant or interval", Type("string")),
            ["filter"] = Query("filter", "CQL2 文本筛选条件 · CQL2 text filter", Type("string")),
            ["filter-lang"] = Query("filter-lang", "筛选语言 · filter language", new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("cql2-text"), ["default"] = "cql2-text" }),
            ["filter-crs"] = Query("filter-crs", "筛选条件中几何的坐标系 · CRS of geometries in the filter",
                new JsonObject { ["type"] = "string", ["format"] = "uri", ["enum"] = crsList.DeepClone() }),
            ["sortby"] = Query("sortby", "排序，如 -name,+id · sort keys, e.g. -name,+id",
                new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[+-]?[A-Za-z_][A-Za-z0-9_]*$" } }),
            ["properties"] = Query("properties", "返回的属性 · properties returned", new JsonObject { ["type"] = "array", ["items"] = Type("string") }),
            ["f"] = Query("f", "格式 · format", new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("json", "html") }),
        };
    }

    private static JsonObject Field(LayerField f) =>
        Query(f.Name, $"{f.TitleZh} · {f.TitleEn}（等于 · equals）", f.Type switch
        {
            "integer" => Type("integer"),
            "number" => Type("number"),
            "boolean" => Type("boolean"),
            "date" => new JsonObject { ["type"] = "string", ["format"] = "date" },
            _ => Type("string"),
        });

    private static JsonObject Get(string operationId, string summary, string mediaType, JsonNode[] parameters) => new()
    {
        ["get"] = new JsonObject
        {
            ["operationId"] = operationId,
            ["summary"] = summary,
            ["parameters"] = new JsonArray(parameters),
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject
                {
                    ["description"] = summary,
                    ["content"] = new JsonObject
                    {
                        [mediaType] = new JsonObject { ["schema"] = Type("object") },
                        ["text/html"] = new JsonObject { ["schema"] = Type("string") },
                    },
                },
                ["400"] = Problem("参数有误 · invalid parameter"),
                ["404"] = Problem("不存在 · not found"),
            },
        },
    };

    private static JsonObject Problem(string description) => new()
    {
        ["description"] = description,
        ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/problem" } } },
    };

    private static JsonObject Ref(string name) => new() { ["$ref"] = $"#/components/parameters/{name}" };

    private static JsonObject Type(string type) => new() { ["type"] = type };

    private static JsonObject Path(string name, string description) => new()
    {
        ["name"] = name, ["in"] = "path", ["required"] = true, ["description"] = description, ["schema"] = Type("string"),
    };

    private static JsonObject Query(string name, string description, JsonObject schema) => new()
    {
        ["name"] = name, ["in"] = "query", ["required"] = false, ["description"] = description,
        ["style"] = "form", ["explode"] = false, ["schema"] = schema,
    };
}
