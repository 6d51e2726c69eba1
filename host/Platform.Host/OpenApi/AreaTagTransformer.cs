using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.Host.OpenApi;

/// <summary>
/// Groups the operations of the reference page by the area of the API they belong to (<c>/api/sites</c> → 点位 · Sites,
/// <c>/api/scenes/ecological</c> → 场景 ecological), instead of the generator's default, the name of the assembly that
/// mapped them. An endpoint's own <c>.WithTags(...)</c> is kept.
/// </summary>
internal sealed class AreaTagTransformer : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, string> Areas = new(StringComparer.Ordinal)
    {
        ["auth"] = "登录 · Sign-in",
        ["plugins"] = "插件 · Plugins",
        ["web"] = "插件 · Plugins",
        ["jurisdiction"] = "行政区划 · Jurisdiction",
        ["sites"] = "点位 · Sites",
        ["compounds"] = "小区 · Compounds",
        ["facilities"] = "设施 · Facilities",
        ["service-hubs"] = "设施 · Facilities",
        ["planning-zones"] = "规划 · Planning",
        ["base-features"] = "基础地理 · Base geography",
        ["imports"] = "导入 · Imports",
        ["reports"] = "报告 · Reports",
        ["layers"] = "地图 · Maps",
        ["maps"] = "地图 · Maps",
        ["spatial"] = "空间计算 · Spatial",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var declared = context.Description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Http.Metadata.ITagsMetadata>().Any();
        if (declared || context.Document is not { } document)
            return Task.CompletedTask;
        var segments = (context.Description.RelativePath ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        var tag = segments switch
        {
            ["api", "scenes", var scene, ..] => $"场景 · Scene: {scene}",
            ["api", var area, ..] => Areas.GetValueOrDefault(area, area),
            ["ogc", ..] => "OGC API",
            ["tiles", ..] => "地图 · Maps",
            [var first, ..] => first,
            _ => null,
        };
        if (tag is null)
            return Task.CompletedTask;
        document.Tags ??= new HashSet<OpenApiTag>();
        if (!document.Tags.Any(t => t.Name == tag))
            document.Tags.Add(new OpenApiTag { Name = tag });
        operation.Tags = new HashSet<OpenApiTagReference> { new(tag, document) };
        return Task.CompletedTask;
    }
}
