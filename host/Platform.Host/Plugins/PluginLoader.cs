using System.Reflection;
using System.Runtime.Loader;
using Platform.Abstractions.Plugins;

namespace Platform.Host.Plugins;

/// <summary>
/// Discovers plugins in the plugin folder and loads them into the default load context, so that
/// Orleans and Marten see their types as they see the host's own.
/// </summary>
/// <remarks>
/// Layout: one sub-folder per plugin holding the build output of the plugin project; the plugin's
/// main assembly is the one named like the folder (<c>plugins/Platform.Plugins.Sample/Platform.Plugins.Sample.dll</c>).
/// A plugin's private dependencies are resolved from its own folder through its <c>.deps.json</c>.
/// There is no unloading: installing or removing a plugin takes a restart (Orleans caches types).
/// </remarks>
public static class PluginLoader
{
    public static PluginCatalog Load(string pluginDirectory, Action<string> log)
    {
        var entries = new List<PluginEntry>();
        if (!Directory.Exists(pluginDirectory))
        {
            log($"Plugin folder {pluginDirectory} does not exist; no plugins loaded");
            return new PluginCatalog(entries);
        }
        foreach (var folder in Directory.GetDirectories(pluginDirectory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            var entry = new PluginEntry(name, folder);
            entries.Add(entry);
            try
            {
                LoadOne(entry, Path.Combine(folder, name + ".dll"));
            }
            catch (Exception e)
            {
                var inner = e is TargetInvocationException { InnerException: { } ie } ? ie : e;
                entry.Fail($"load: {inner.GetType().Name}: {inner.Message}");
            }
        }
        CheckDuplicates(entries);
        CheckDependencies(entries);
        foreach (var e in entries)
            log(e.State == PluginState.Failed ? $"Plugin {e.Id} failed: {e.Reason}" : $"Plugin {e.Id} {e.Version} loaded");
        return new PluginCatalog(entries);
    }

    private static void LoadOne(PluginEntry entry, string mainAssembly)
    {
        if (!File.Exists(mainAssembly))
            throw new FileNotFoundException($"the plugin folder has no {Path.GetFileName(mainAssembly)}");
        var resolver = new AssemblyDependencyResolver(mainAssembly);
        AssemblyLoadContext.Default.Resolving += (context, name) =>
            resolver.ResolveAssemblyToPath(name) is { } path ? context.LoadFromAssemblyPath(path) : null;

        var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(mainAssembly);
        var manifest = assembly.GetCustomAttribute<ScenarioPluginAttribute>()
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no [assembly: ScenarioPlugin(...)] manifest");
        var range = SdkVersionRange.Parse(manifest.SdkVersion);
        if (!range.Includes(PlatformSdk.Version))
            throw new InvalidOperationException(
                $"plugin needs SDK {manifest.SdkVersion} but the host provides {PlatformSdk.Version.ToString(3)}");
        if (!typeof(IScenarioPlugin).IsAssignableFrom(manifest.EntryPoint))
            throw new InvalidOperationException($"{manifest.EntryPoint.FullName} does not implement IScenarioPlugin");
        var instance = (IScenarioPlugin)Activator.CreateInstance(manifest.EntryPoint)!;
        entry.Loaded(assembly, manifest, instance);
    }

    private static void CheckDuplicates(List<PluginEntry> entries)
    {
        foreach (var group in entries.Where(e => e.IsUsable).GroupBy(e => e.Id).Where(g => g.Count() > 1))
        {
            foreach (var e in group.Skip(1))
                e.Fail($"load: another plugin with id '{e.Id}' is already loaded from {group.First().Location}");
        }
    }

    private static void CheckDependencies(List<PluginEntry> entries)
    {
        bool changed;
        do
        {
            changed = false;
            foreach (var e in entries.Where(e => e.IsUsable))
            {
                var missing = e.DependsOn.FirstOrDefault(d => !entries.Any(o => o.Id == d && o.IsUsable));
                if (missing is null)
                    continue;
                e.Fail($"load: depends on plugin '{missing}', which is not installed or failed");
                changed = true;
            }
        }
        while (changed);
    }
}
