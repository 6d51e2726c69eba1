using Platform.Abstractions.Commands;
using Platform.Abstractions.Security;
using Platform.Abstractions.Web;

namespace Platform.Host.Plugins;

/// <summary>
/// The plugin list (with each running plugin's web panels and menu entries), the core modules' web panels and menu
/// entries (<c>GET /api/web</c>), and each running plugin's routes under <c>/api/scenes/{id}</c>.
/// </summary>
internal static class PluginEndpoints
{
    public static void MapPluginEndpoints(this WebApplication app, PluginCatalog catalog)
    {
        app.MapGet("/api/plugins", (IEnumerable<PluginWebContribution> web) => catalog.Entries.Select(e => new
        {
            id = e.Id,
            nameZh = e.NameZh,
            nameEn = e.NameEn,
            version = e.Version,
            sdkVersion = e.SdkVersion,
            dependsOn = e.DependsOn,
            state = e.State.ToString().ToLowerInvariant(),
            reason = e.Reason,
            // What the web map shows for the plugin; empty while it is not running, so its pages leave the open map.
            panels = Running(e, web).Where(w => w.Panel is not null).Select(w => w.Panel!).OrderBy(p => p.Order)
                .Select(p => new WebPanelDto(p.Id, p.TitleZh, p.TitleEn, p.Module, p.Order)),
            menu = Running(e, web).Where(w => w.MenuEntry is not null).Select(w => w.MenuEntry!).OrderBy(m => m.Order)
                .Select(m => new WebMenuEntryDto(m.Id, m.TitleZh, m.TitleEn, m.Url, m.Order)),
        }));

        // A core module registers its WebPanel / WebMenuEntry instances straight into the host's services (a plugin's are
        // wrapped as PluginWebContribution), so what is left unwrapped here is the core's: always on, same contract.
        app.MapGet("/api/web", (IEnumerable<WebPanel> panels, IEnumerable<WebMenuEntry> menu) => new WebContributions(
                [.. panels.OrderBy(p => p.Order).Select(p => new WebPanelDto(p.Id, p.TitleZh, p.TitleEn, p.Module, p.Order))],
                [.. menu.OrderBy(m => m.Order).Select(m => new WebMenuEntryDto(m.Id, m.TitleZh, m.TitleEn, m.Url, m.Order))]))
            .WithName("CoreWebContributions").WithTags("Plugins")
            .WithSummary("The core modules' web panels and menu entries / 核心模块的网页面板与菜单");

        app.MapPost("/api/plugins/{id}/{action:regex(^(enable|disable)$)}", async (string id, string action, HttpContext http, PluginStarter starter) =>
        {
            if (catalog.Find(id) is not { } entry)
                return ProblemResults.Problem(404, "id", $"No plugin '{id}' is installed.", $"未安装插件“{id}”。");
            var problem = await starter.SetEnabledAsync(entry, action == "enable", http.User.UserName(), http.RequestAborted);
            return problem is null
                ? Results.Ok(new PluginStateAnswer(entry.Id, entry.State.ToString().ToLowerInvariant()))
                : ProblemResults.Problem(409, "id", problem, $"插件“{entry.NameZh}”无法启用。");
        }).RequireAuthorization(PlatformPolicies.ManagePlugins).Produces<PluginStateAnswer>();

        catalog.ForEachUsable("map endpoints", entry =>
        {
            var scene = app.MapGroup($"/api/scenes/{entry.Id}");
            // A plugin that failed after mapping (at start) must not keep answering.
            scene.AddEndpointFilter(async (context, next) => entry.State == PluginState.Running
                ? await next(context)
                : ProblemResults.Problem(404, "plugin", $"Plugin '{entry.Id}' is not running ({entry.Reason ?? entry.State.ToString()}).",
                    $"插件“{entry.NameZh}”未运行。"));
            entry.Instance!.MapEndpoints(scene);
        }, (entry, e) => app.Logger.LogError(e, "Plugin {Plugin} failed to map its endpoints", entry.Id));
    }

    private static IEnumerable<PluginWebContribution> Running(PluginEntry entry, IEnumerable<PluginWebContribution> web) =>
        entry.State == PluginState.Running ? web.Where(w => w.Owner == entry) : [];
}

/// <summary>What the core modules add to the web map: panels in the side bar and links in the header.</summary>
internal sealed record WebContributions(IReadOnlyList<WebPanelDto> Panels, IReadOnlyList<WebMenuEntryDto> Menu);

internal sealed record WebPanelDto(string Id, string TitleZh, string TitleEn, string Module, int Order);

internal sealed record WebMenuEntryDto(string Id, string TitleZh, string TitleEn, string Url, int Order);

/// <summary>A plugin's state after it was enabled or disabled: running, disabled, failed or incompatible.</summary>
internal sealed record PluginStateAnswer(string Id, string State);
