namespace Platform.Host.Plugins;

/// <summary>Where a plugin stands in this process.</summary>
public enum PluginState
{
    /// <summary>Loaded and composed; waiting for the host to start it.</summary>
    Loaded,

    /// <summary>Started; its endpoints and layers are live.</summary>
    Running,

    /// <summary>Could not be loaded, composed or started; <see cref="PluginEntry.Reason"/> says why.</summary>
    Failed,

    /// <summary>Switched off for this deployment by an administrator: endpoints, layers and report sections are hidden; its data stays.</summary>
    Disabled,
}
