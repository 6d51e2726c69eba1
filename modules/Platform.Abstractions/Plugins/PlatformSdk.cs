namespace Platform.Abstractions.Plugins;

/// <summary>The version of this SDK, checked against each plugin's <see cref="ScenarioPluginAttribute.SdkVersion"/>.</summary>
public static class PlatformSdk
{
    /// <summary>Bumped in its major part whenever a change breaks existing plugins.</summary>
    public static readonly Version Version = new(1, 0, 0);
}
