using System.Net;
using System.Text;
using System.Text.Json;
using Platform.Abstractions.Maps;

namespace Platform.Maps.Ogc;

/// <summary>
/// The HTML face of every OGC resource, rendered from the very JSON document the resource answers (so the two never
/// disagree): zh-CN labels, tables for lists, a table of attributes for features, links as links.
/// </summary>
internal static class OgcHtml
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["title"] = "标题", ["description"] = "说明", ["links"] = "链接", ["href"] = "地址", ["rel"] = "关系", ["type"] = "类型",
        ["conformsTo"] = "符合的标准（conformance classes）", ["collections"] = "图层", ["id"] = "标识", ["extent"] = "范围",
        ["spatial"] = "空间范围", ["temporal"] = "时间范围", ["bbox"] = "外包框", ["interval"] = "时段", ["trs"] = "时间参照",
        ["crs"] = "坐标系", ["storageCrs"] = "存储坐标系", ["itemType"] = "要素类型", ["geometryType"] = "几何类型",
        ["numberMatched"] = "匹配要素数", ["numberReturned"] = "本页要素数", ["timeStamp"] = "生成时间", ["properties"] = "属性",
        ["geometry"] = "几何", ["format"] = "格式", ["$id"] = "标识", ["$schema"] = "模式", ["additionalProperties"] = "允许其他属性",
        ["x-ogc-role"] = "角色", ["enum"] = "取值", ["openapi"] = "OpenAPI 版本", ["info"] = "信息", ["version"] = "版本",
        ["servers"] = "服务地址", ["url"] = "地址", ["paths"] = "路径", ["summary"] = "摘要",
    };

    /// <summary>An HTML page for <paramref name="document"/>; <paramref name="layer"/> gives feature tables their column titles.</summary>
    public static string Render(string heading, JsonElement document, LayerDescriptor? layer)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append("<title>").Append(E(heading)).Append(" · 社区发展治理平台</title><style>")
            .Append("body{font-family:system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:1.5em;color:#222}")
            .Append("table{border-collapse:collapse;margin:.4em 0 1em}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}")
            .Append("th{background:#f3f0ea}nav a{margin-right:1em}code{font-size:90%}</style></head><body>")
            .Append("<nav><a href=\"").Append(E(Root(document))).Append("\">首页 · OGC API</a><a href=\"").Append(E(Root(document)))
            .Append("/collections?f=html\">图层 · collections</a></nav><h1>").Append(E(heading)).Append("</h1>");
        if (document.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "FeatureCollection")
            FeatureCollection(html, document, layer);
        else if (t.ValueKind == JsonValueKind.String && t.GetString() == "Feature")
            Feature(html, document, layer);
        else
            Object(html, document);
        return html.Append("</body></html>").ToString();
    }

    private static void FeatureCollection(StringBuilder html, JsonElement doc, LayerDescriptor? layer)
    {
        html.Append("<p>匹配 ").Append(doc.GetProperty("numberMatched").GetInt32()).Append(" 个要素，本页 ")
            .Append(doc.GetProperty("numberReturned").GetInt32()).Append(" 个。</p>");
        var features = doc.GetProperty("features").EnumerateArray().ToList();
        var columns = features.SelectMany(f => f.GetProperty("properties").EnumerateObject().Select(p => p.Name)).Distinct().ToList();
        html.Append("<table><thead><tr><th>标识</th><th>几何类型</th>");
        foreach (var c in columns)
            html.Append("<th>").Append(E(Title(layer, c))).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var f in features)
        {
            var id = f.GetProperty("id").GetString() ?? "";
            html.Append("<tr><td><a href=\"items/").Append(E(Uri.EscapeDataString(id))).Append("?f=html\">").Append(E(id)).Append("</a></td><td>")
                .Append(E(f.GetProperty("geometry").GetProperty("type").GetString() ?? "")).Append("</td>");
            var props = f.GetProperty("properties");
            foreach (var c in columns)
                html.Append("<td>").Append(props.TryGetProperty(c, out var v) ? E(Scalar(v)) : "").Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        Links(html, doc);
    }

    private static void Feature(StringBuilder html, JsonElement doc, LayerDescriptor? layer)
    {
        html.Append("<table><tbody><tr><th>标识</th><td>").Append(E(doc.GetProperty("id").GetString() ?? "")).Append("</td></tr><tr><th>几何类型</th><td>")
            .Append(E(doc.GetProperty("geometry").GetProperty("type").GetString() ?? "")).Append("</td></tr>");
        foreach (var p in doc.GetProperty("properties").EnumerateObject())
            html.Append("<tr><th>").Append(E(Title(layer, p.Name))).Append("</th><td>").Append(E(Scalar(p.Value))).Append("</td></tr>");
        html.Append("</tbody></table>");
        Links(html, doc);
    }

    private static void Links(StringBuilder html, JsonElement doc)
    {
        if (doc.TryGetProperty("links", out var links))
        {
            html.Append("<h2>链接</h2>");
            Array(html, links);
        }
    }

    private static void Object(StringBuilder html, JsonElement obj)
    {
        html.Append("<table><tbody>");
        foreach (var p in obj.EnumerateObject())
        {
            html.Append("<tr><th>").Append(E(Label(p.Name))).Append("</th><td>");
            Value(html, p.Value);
            html.Append("</td></tr>");
        }
        html.Append("</tbody></table>");
    }

    private static void Value(StringBuilder html, JsonElement v)
    {
        switch (v.ValueKind)
        {
            case JsonValueKind.Object:
                Object(html, v);
                break;
            case JsonValueKind.Array:
                Array(html, v);
                break;
            case JsonValueKind.String when v.GetString() is { } s && (s.StartsWith("http://", StringComparison.Ordinal) || s.StartsWith("https://", StringComparison.Ordinal)):
                html.Append("<a href=\"").Append(E(s)).Append("\">").Append(E(s)).Append("</a>");
                break;
            default:
                html.Append(E(Scalar(v)));
                break;
        }
    }

    private static void Array(StringBuilder html, JsonElement array)
    {
        var items = array.EnumerateArray().ToList();
        if (items.Count > 0 && items.All(i => i.ValueKind == JsonValueKind.Object))
        {
            var columns = items.SelectMany(i => i.EnumerateObject().Select(p => p.Name)).Distinct().ToList();
            html.Append("<table><thead><tr>");
            foreach (var c in columns)
                html.Append("<th>").Append(E(Label(c))).Append("</th>");
            html.Append("</tr></thead><tbody>");
            foreach (var item in items)
            {
                html.Append("<tr>");
                foreach (var c in columns)
                {
                    html.Append("<td>");
                    if (!item.TryGetProperty(c, out var cell))
                    {
                    }
                    else if (c == "href" && cell.GetString() is { } href)
                        html.Append("<a href=\"").Append(E(HtmlHref(href))).Append("\">").Append(E(href)).Append("</a>");
                    else
                        Value(html, cell);
                    html.Append("</td>");
                }
                html.Append("</tr>");
            }
            html.Append("</tbody></table>");
        }
        else if (items.Count > 0 && items.All(i => i.ValueKind is JsonValueKind.Array or JsonValueKind.Number or JsonValueKind.Null))
            html.Append("<code>").Append(E(array.GetRawText())).Append("</code>");
        else
        {
            html.Append("<ul>");
            foreach (var item in items)
            {
                html.Append("<li>");
                Value(html, item);
                html.Append("</li>");
            }
            html.Append("</ul>");
        }
    }

    /// <summary>Links to JSON resources are followed as HTML pages from an HTML page, unless they name another format.</summary>
    private static string HtmlHref(string href) =>
        href.Contains("f=", StringComparison.Ordinal) || !href.Contains("/ogc", StringComparison.Ordinal) ? href
            : href + (href.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "f=html";

    private static string Root(JsonElement doc)
    {
        if (doc.TryGetProperty("links", out var links) && links.ValueKind == JsonValueKind.Array)
        {
            foreach (var l in links.EnumerateArray())
            {
                if (l.TryGetProperty("href", out var h) && h.GetString() is { } href && href.IndexOf("/ogc", StringComparison.Ordinal) is var i and >= 0)
                    return href[..(i + 4)];
            }
        }
        return "/ogc";
    }

    private static string Title(LayerDescriptor? layer, string field) =>
        layer?.Fields.FirstOrDefault(f => f.Name == field) is { } f ? $"{f.TitleZh}（{field}）" : field;

    private static string Label(string key) => Labels.TryGetValue(key, out var zh) ? $"{zh}" : key;

    private static string Scalar(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString() ?? "",
        JsonValueKind.Null => "",
        JsonValueKind.True => "是",
        JsonValueKind.False => "否",
        _ => v.GetRawText(),
    };

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
