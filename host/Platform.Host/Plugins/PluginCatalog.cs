namespace Platform.Host.Plugins;

/// <summary>The plugins of this process, in load order. Registered as a singleton.</summary>
public sealed class PluginCatalog(IReadOnlyList<PluginEntry> entries)
{
    public IReadOnlyList<PluginEntry> Entries { get; } = entries;

    public IEnumerable<PluginEntry> Usable => Entries.Where(e => e.IsUsable);

    public PluginEntry? Find(string id) => Entries.FirstOrDefault(e => e.Id == id);

    /// <summary>
    /// Runs <paramref name="step"/> for every usable plugin; a plugin whose step throws is marked failed
    /// with the step's name and the exception's message, and the others go on.
    /// </summary>
    public void ForEachUsable(string step, Action<PluginEntry> action, Action<PluginEntry, Exception>? onFailure = null)
    {
        foreach (var entry in Usable.ToList())
        {
            try
            {
                action(entry);
            }
            catch (Exception e)
            {
                var inner = e is System.Reflection.TargetInvocationException { InnerException: { } ie } ? ie : e;
                entry.Fail($"{step}: {inner.GetType().Name}: {inner.Message}");
                onFailure?.Invoke(entry, inner);
            }
        }
    }
}
