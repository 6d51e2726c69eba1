using System.Xml.Linq;

namespace Platform.Architecture.Tests.Rules;

/// <summary>
/// Modules talk to each other through the SDK only: a module project references no other module project but the SDK and
/// the spatial layer. The host composes the modules and is the one project that references them all.
/// </summary>
internal static class ModuleReferenceRules
{
    /// <summary>The project files a module may reference: the SDK and the spatial layer.</summary>
    public static readonly IReadOnlyList<string> Allowed = [ProjectReferenceRules.SdkProjectFile, "Platform.Spatial.csproj"];

    /// <summary>The module projects, found from the folders (<c>modules/*/*.csproj</c>, <c>maps/*/*.csproj</c>), as full paths.</summary>
    public static IReadOnlyList<string> ModuleProjects(string repositoryRoot) =>
        new[] { "modules", "maps" }.Select(f => Path.Combine(repositoryRoot, f)).Where(Directory.Exists)
            .SelectMany(Directory.GetDirectories).SelectMany(d => Directory.GetFiles(d, "*.csproj"))
            .Select(Path.GetFullPath).Order(StringComparer.Ordinal).ToList();

    /// <summary>The references of <paramref name="projectPath"/> to a module of <paramref name="modules"/> other than <see cref="Allowed"/>, as sentences.</summary>
    public static IReadOnlyList<string> Violations(string projectPath, string projectXml, IReadOnlyCollection<string> modules) =>
        XDocument.Parse(projectXml).Root!.Descendants("ProjectReference")
            .Select(r => (string?)r.Attribute("Include") ?? "")
            .Where(include =>
            {
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(projectPath)!, include.Replace('\\', '/')));
                return modules.Contains(target) && !Allowed.Contains(Path.GetFileName(target));
            })
            .Select(include => $"{Path.GetFileName(projectPath)} references {include}: a module reaches another only through the SDK, so it may reference {string.Join(" and ", Allowed)} only.")
            .ToList();
}
