using Platform.Abstractions.Web;

namespace Platform.Host.Plugins;

/// <summary>
/// A plugin's web panel or menu entry, tagged with its owner so that <c>GET /api/plugins</c> announces it
/// only while the plugin is running. <see cref="Panel"/> or <see cref="MenuEntry"/> is set, never both.
/// </summary>
internal sealed record PluginWebContribution(PluginEntry Owner, WebPanel? Panel, WebMenuEntry? MenuEntry)
{
    /// <summary>
    /// Re-registers a plugin's <see cref="WebPanel"/> or <see cref="WebMenuEntry"/> as a contribution of its owner;
    /// null for any other service. Only instances are accepted: both are plain values.
    /// </summary>
    public static ServiceDescriptor? Wrap(ServiceDescriptor d, PluginEntry owner) => d switch
    {
        { ServiceType: var t, ImplementationInstance: WebPanel panel } when t == typeof(WebPanel) =>
            ServiceDescriptor.Singleton(new PluginWebContribution(owner, panel, null)),
        { ServiceType: var t, ImplementationInstance: WebMenuEntry entry } when t == typeof(WebMenuEntry) =>
            ServiceDescriptor.Singleton(new PluginWebContribution(owner, null, entry)),
        { ServiceType: var t } when t == typeof(WebPanel) || t == typeof(WebMenuEntry) =>
            throw new InvalidOperationException($"Plugin {owner.Id} must register {t.Name} as an instance: services.AddSingleton(new {t.Name}(...))."),
        _ => null,
    };
}
