using System.Reflection;
using Platform.Abstractions.Plugins;

namespace Platform.Host.Plugins;

/// <summary>One plugin found in the plugin folder, with its manifest (when readable) and state.</summary>
public sealed class PluginEntry(string id, string location)
{
    public string Id { get; private set; } = id;
    public string Location { get; } = location;
    public string? Version { get; private set; }
    public string? NameZh { get; private set; }
    public string? NameEn { get; private set; }
    public string? SdkVersion { get; private set; }
    public IReadOnlyList<string> DependsOn { get; private set; } = [];
    public bool EnabledByDefault { get; private set; } = true;
    public PluginState State { get; private set; } = PluginState.Loaded;
    public string? Reason { get; private set; }
    internal Assembly? Assembly { get; private set; }
    internal IScenarioPlugin? Instance { get; private set; }

    public bool IsUsable => State != PluginState.Failed && Instance is not null;

    internal void Loaded(Assembly assembly, ScenarioPluginAttribute manifest, IScenarioPlugin instance)
    {
        Assembly = assembly;
        Id = manifest.Id;
        Version = manifest.Version;
        NameZh = manifest.NameZh;
        NameEn = manifest.NameEn;
        SdkVersion = manifest.SdkVersion;
        DependsOn = manifest.DependsOn;
        EnabledByDefault = manifest.EnabledByDefault;
        Instance = instance;
    }

    internal void Fail(string reason)
    {
        State = PluginState.Failed;
        Reason = reason;
    }

    /// <summary>True once <c>StartAsync</c> has run successfully in this process.</summary>
    internal bool Started { get; private set; }

    internal void Run()
    {
        Started = true;
        State = PluginState.Running;
    }

    internal void Disable() => State = PluginState.Disabled;
}
