namespace Platform.Abstractions.Plugins;

/// <summary>
/// The manifest of a scenario plugin, declared once per plugin assembly:
/// <c>[assembly: ScenarioPlugin(typeof(MyPlugin), Id = "...", ...)]</c>.
/// The host reads it after loading the assembly and before creating the entry point.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class ScenarioPluginAttribute(Type entryPoint) : Attribute
{
    /// <summary>The class implementing <see cref="IScenarioPlugin"/>; it needs a public parameterless constructor.</summary>
    public Type EntryPoint { get; } = entryPoint;

    /// <summary>Stable identifier, lower-case letters, digits and dashes; also the route segment under <c>/api/scenes/</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Display name in Chinese (zh-CN), the users' language.</summary>
    public required string NameZh { get; init; }

    /// <summary>Display name in English.</summary>
    public required string NameEn { get; init; }

    /// <summary>The plugin's own version (semantic versioning, <c>major.minor.patch</c>).</summary>
    public required string Version { get; init; }

    /// <summary>
    /// The SDK versions the plugin works with, as an interval such as <c>[1.0,2.0)</c>
    /// (square bracket inclusive, round bracket exclusive). See <see cref="SdkVersionRange"/>.
    /// </summary>
    public required string SdkVersion { get; init; }

    /// <summary>Ids of plugins that must be running for this one to start.</summary>
    public string[] DependsOn { get; init; } = [];

    /// <summary>
    /// False for a plugin that stays off on a new deployment until an administrator or developer enables it
    /// (examples, experiments). Since SDK 1.2.
    /// </summary>
    public bool EnabledByDefault { get; init; } = true;
}
