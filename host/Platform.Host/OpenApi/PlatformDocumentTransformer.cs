using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Platform.Abstractions.Plugins;
using Platform.Host.Plugins;

namespace Platform.Host.OpenApi;

/// <summary>
/// Titles the document, declares the two ways to sign in (bearer token, cookie), and leaves out the operations of
/// plugins that are not running — the description follows what the platform answers right now.
/// </summary>
internal sealed class PlatformDocumentTransformer(PluginCatalog catalog) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "社区发展治理平台 API · Community Development Platform API",
            Version = PlatformSdk.Version.ToString(3),
            Description = "兴隆街道社区发展办的平台接口：登记簿、行政区划、地图、报告与场景插件。错误以 RFC 7807 problem+json 返回，含 field 与 detailZh。"
                + "\n\nThe platform's HTTP API: registers, jurisdiction, maps, reports and the scenario plugins. Refusals are RFC 7807 problem+json with field and detailZh."
                + "\n\nSign in with POST /api/auth/login; send the token as `Authorization: Bearer …` (the web page uses a cookie).",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The accessToken of POST /api/auth/login.",
        };
        foreach (var entry in catalog.Entries.Where(e => e.State != PluginState.Running))
        {
            var prefix = $"/api/scenes/{entry.Id}/";
            foreach (var path in document.Paths.Keys.Where(p => p.StartsWith(prefix, StringComparison.Ordinal)).ToList())
                document.Paths.Remove(path);
        }
        return Task.CompletedTask;
    }
}
