namespace Platform.Abstractions.Web;

/// <summary>
/// A link that a plugin adds to the web map's header (a page of its own, a download), announced in
/// <c>GET /api/plugins</c> while the plugin is running. Register in <c>ConfigureServices</c> with
/// <c>services.AddSingleton(new WebMenuEntry(...))</c>. Since SDK 1.3.
/// </summary>
/// <param name="Id">Stable id within the plugin, lower-case with dashes.</param>
/// <param name="TitleZh">Link text in Chinese (zh-CN).</param>
/// <param name="TitleEn">Link text in English.</param>
/// <param name="Url">Where the link goes: a path on the host (<c>/api/scenes/{id}/…</c>) or an absolute URL.</param>
/// <param name="Order">Where the link goes among the others, lower first.</param>
public sealed record WebMenuEntry(string Id, string TitleZh, string TitleEn, string Url, int Order);
