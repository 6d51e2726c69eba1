namespace Platform.Abstractions.Web;

/// <summary>
/// A panel that a plugin contributes to the web map: an ES module built by the platform's vite build,
/// announced in <c>GET /api/plugins</c> while the plugin is running and loaded by the page with <c>import()</c>.
/// Register in <c>ConfigureServices</c> with <c>services.AddSingleton(new WebPanel(...))</c>. Since SDK 1.3.
/// </summary>
/// <remarks>
/// The module's source is <c>plugins/&lt;Project&gt;/web/&lt;name&gt;.panel.js</c>; the build writes it, under a stable
/// name, to <c>/panels/&lt;Project&gt;/&lt;name&gt;.js</c>, which is what <paramref name="Module"/> says. The module exports
/// <c>strings</c> (<c>{ zh: {…}, en: {…} }</c>) and a default function <c>(panel) =&gt; { update, dispose }</c>;
/// docs/plugins.md describes what <c>panel</c> offers. The page removes the panel as soon as the plugin stops running.
/// </remarks>
/// <param name="Id">Stable id within the plugin, lower-case with dashes; the page's element id is <c>panel-{plugin}-{Id}</c>.</param>
/// <param name="TitleZh">Heading in Chinese (zh-CN), the users' language.</param>
/// <param name="TitleEn">Heading in English.</param>
/// <param name="Module">Absolute URL path of the built module, <c>/panels/&lt;Project&gt;/&lt;name&gt;.js</c>.</param>
/// <param name="Order">Where the panel goes among the others in the side bar, lower first.</param>
public sealed record WebPanel(string Id, string TitleZh, string TitleEn, string Module, int Order);
