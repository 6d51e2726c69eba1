using System.Xml.Linq;

namespace Platform.Architecture.Tests.Rules;

/// <summary>
/// Rules over project files, read as MSBuild XML: which projects a project may reference. Each returns the
/// violations it finds as sentences, so a test can show them and a deliberate violation can be seen failing.
/// </summary>
internal static class ProjectReferenceRules
{
    public const string SdkProjectFile = "Platform.Abstractions.csproj";

    /// <summary>
    /// A plugin references no project but the SDK, compiles against it without copying it (<c>Private=false</c>,
    /// <c>ExcludeAssets=runtime</c>), takes Orleans for code generation only, and is built for dynamic loading.
    /// With <paramref name="sdkPath"/> the SDK reference must resolve to that file; without (the template, whose path
    /// is a parameter) its file name must be the SDK's.
    /// </summary>
    public static IReadOnlyList<string> PluginViolations(string projectPath, string projectXml, string? sdkPath)
    {
        var project = XDocument.Parse(projectXml).Root!;
        var violations = new List<string>();
        var references = project.Descendants("ProjectReference").ToList();
        if (references.Count == 0)
            violations.Add($"{projectPath} does not reference the SDK {SdkProjectFile}.");
        foreach (var reference in references)
        {
            var include = (string?)reference.Attribute("Include") ?? "";
            var isSdk = sdkPath is null
                ? Path.GetFileName(include.Replace('\\', '/')) == SdkProjectFile
                : string.Equals(Resolve(projectPath, include), Path.GetFullPath(sdkPath), StringComparison.Ordinal);
            if (!isSdk)
            {
                violations.Add($"{projectPath} references {include}: a plugin may reference the SDK {SdkProjectFile} only.");
                continue;
            }
            if (!string.Equals(Metadata(reference, "Private"), "false", StringComparison.OrdinalIgnoreCase))
                violations.Add($"{projectPath}: the SDK reference must be Private=\"false\" (the host provides the SDK).");
            if (!string.Equals(Metadata(reference, "ExcludeAssets"), "runtime", StringComparison.OrdinalIgnoreCase))
                violations.Add($"{projectPath}: the SDK reference must be ExcludeAssets=\"runtime\".");
        }
        foreach (var package in project.Descendants("PackageReference").Where(p => (string?)p.Attribute("Include") is "Microsoft.Orleans.Sdk"))
        {
            if (!string.Equals(Metadata(package, "ExcludeAssets"), "runtime", StringComparison.OrdinalIgnoreCase))
                violations.Add($"{projectPath}: Microsoft.Orleans.Sdk must be ExcludeAssets=\"runtime\" (the host provides Orleans).");
        }
        if (!project.Descendants("EnableDynamicLoading").Any(e => string.Equals(e.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase)))
            violations.Add($"{projectPath}: EnableDynamicLoading must be true.");
        return violations;
    }

    /// <summary>A module (modules/, maps/) references no project under host/, tests/ or plugins/.</summary>
    public static IReadOnlyList<string> ModuleViolations(string projectPath, string projectXml, string repositoryRoot)
    {
        string[] forbidden = ["host", "tests", "plugins"];
        return XDocument.Parse(projectXml).Root!.Descendants("ProjectReference")
            .Select(r => (string?)r.Attribute("Include") ?? "")
            .Where(include => forbidden.Any(f => Resolve(projectPath, include).StartsWith(Path.Combine(repositoryRoot, f) + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            .Select(include => $"{projectPath} references {include}: modules never reference the host, tests or plugins.")
            .ToList();
    }

    private static string Resolve(string projectPath, string include) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(projectPath)!, include.Replace('\\', '/')));

    private static string? Metadata(XElement item, string name) =>
        (string?)item.Attribute(name) ?? item.Element(name)?.Value.Trim();
}
