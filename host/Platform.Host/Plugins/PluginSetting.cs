namespace Platform.Host.Plugins;

/// <summary>Whether a plugin is switched on in this deployment, and who last changed it. A Marten document keyed by plugin id.</summary>
public sealed class PluginSetting
{
    public string Id { get; set; } = "";
    public bool Enabled { get; set; } = true;
    public string ChangedBy { get; set; } = "";
    public DateTimeOffset ChangedAt { get; set; }
}
