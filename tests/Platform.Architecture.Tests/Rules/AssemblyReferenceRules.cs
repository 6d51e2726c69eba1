using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Platform.Architecture.Tests.Rules;

/// <summary>Rules over compiled assemblies, read with System.Reflection.Metadata (nothing is loaded or run).</summary>
internal static class AssemblyReferenceRules
{
    /// <summary>The platform's assemblies a plugin must never reference: the host and the modules behind the SDK.</summary>
    public static readonly IReadOnlyList<string> NotForPlugins =
        ["Platform.Host", "Platform.Jurisdiction", "Platform.Registers", "Platform.Reports", "Platform.Maps", "Platform.Testing"];

    /// <summary>The names of the assemblies <paramref name="assemblyPath"/> references.</summary>
    public static IReadOnlyList<string> ReferencedAssemblies(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToList();
    }

    /// <summary>The references of <paramref name="assemblyPath"/> that are among <paramref name="forbidden"/>, as sentences.</summary>
    public static IReadOnlyList<string> Violations(string assemblyPath, IEnumerable<string> forbidden)
    {
        var references = ReferencedAssemblies(assemblyPath);
        return forbidden.Where(references.Contains)
            .Select(f => $"{Path.GetFileName(assemblyPath)} references {f}.")
            .ToList();
    }

    /// <summary>
    /// A deployed plugin folder carries no copy of the SDK or of the host and modules: the host provides them, and a copy
    /// beside the plugin would be a second identity for their types the moment a resolver picked it.
    /// </summary>
    /// <remarks>
    /// Platform.Spatial is not on the list although the host provides it too: it reaches every plugin folder through the
    /// SDK's own project reference, which <c>ExcludeAssets="runtime"</c> does not stop (see the report to the SDK's owner).
    /// </remarks>
    public static IReadOnlyList<string> FolderViolations(string pluginFolder) =>
        NotForPlugins.Append("Platform.Abstractions")
            .Where(name => File.Exists(Path.Combine(pluginFolder, name + ".dll")))
            .Select(name => $"{Path.GetFileName(pluginFolder)}/ ships {name}.dll, which the host provides.")
            .ToList();
}
