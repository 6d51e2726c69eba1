namespace Platform.Host.OpenApi;

/// <summary>
/// The OpenAPI 3 description of the whole HTTP API at <c>/openapi/v1.json</c> (ASP.NET Core's built-in generator),
/// with the roles each operation needs, and a readable reference page at <c>/openapi</c>. Endpoints of plugins
/// appear while the plugin runs.
/// </summary>
internal static class PlatformOpenApi
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddPlatformOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer<PlatformDocumentTransformer>();
            options.AddOperationTransformer<RoleRequirementTransformer>();
            options.AddOperationTransformer<AreaTagTransformer>();
            // Tags no operation carries any more (the assembly names the generator started from) leave the document.
            options.AddDocumentTransformer((document, _, _) =>
            {
                var used = document.Paths.Values.Where(p => p.Operations is not null).SelectMany(p => p.Operations!.Values)
                    .SelectMany(o => o.Tags ?? new HashSet<Microsoft.OpenApi.OpenApiTagReference>())
                    .Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
                foreach (var unused in document.Tags?.Where(t => !used.Contains(t.Name ?? "")).ToList() ?? [])
                    document.Tags!.Remove(unused);
                return Task.CompletedTask;
            });
        });

    public static void MapPlatformOpenApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/openapi", () => Results.Content(ApiReferencePage.Html, "text/html; charset=utf-8")).ExcludeFromDescription();
    }
}
