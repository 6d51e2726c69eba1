using Platform.Architecture.Tests.Rules;
using Platform.Architecture.Tests.Support;

namespace Platform.Architecture.Tests;

/// <summary>
/// The compiled side of the rules, on the plugins as deployed next to these tests (plugins/&lt;Name&gt;/, exactly as next
/// to the host): what a plugin assembly references, and what its folder carries.
/// </summary>
public sealed class PluginAssemblyTests
{
    private static List<string> Deployed() =>
        Directory.GetDirectories(Repository.DeployedPlugins).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();

    public static TheoryData<string> DeployedPlugins() => new(Deployed());

    [Fact]
    public void The_shipped_plugins_are_deployed_next_to_the_tests()
    {
        var deployed = Deployed();
        foreach (var scene in new[] { "Sample", "Service", "Ecological", "Smart", "Vitality" })
            Assert.Contains($"Platform.Plugins.{scene}", deployed);
    }

    [Theory]
    [MemberData(nameof(DeployedPlugins))]
    public void A_plugin_assembly_references_neither_the_host_nor_a_module(string plugin) =>
        Assert.Empty(AssemblyReferenceRules.Violations(Path.Combine(Repository.DeployedPlugins, plugin, plugin + ".dll"), AssemblyReferenceRules.NotForPlugins));

    [Theory]
    [MemberData(nameof(DeployedPlugins))]
    public void A_plugin_folder_carries_no_copy_of_the_sdk_or_the_host(string plugin) =>
        Assert.Empty(AssemblyReferenceRules.FolderViolations(Path.Combine(Repository.DeployedPlugins, plugin)));

    [Fact]
    public void The_assembly_rule_reports_an_assembly_that_references_the_host()
    {
        // Platform.Testing is known to compile against the host (it starts it): the rule must say so.
        var violations = AssemblyReferenceRules.Violations(Path.Combine(AppContext.BaseDirectory, "Platform.Testing.dll"), AssemblyReferenceRules.NotForPlugins);
        Assert.Contains("Platform.Testing.dll references Platform.Host.", violations);
    }

    [Fact]
    public void The_assembly_rule_reports_this_test_assembly_for_referencing_platform_testing()
    {
        var self = typeof(PluginAssemblyTests).Assembly.Location;
        Assert.Contains(AssemblyReferenceRules.Violations(self, AssemblyReferenceRules.NotForPlugins), v => v.EndsWith("references Platform.Testing.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_folder_rule_reports_a_plugin_folder_that_ships_the_sdk()
    {
        var folder = Path.Combine(Path.GetTempPath(), "arch-" + Guid.NewGuid().ToString("N")[..8], "Platform.Plugins.Rogue");
        Directory.CreateDirectory(folder);
        try
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Platform.Abstractions.dll"), Path.Combine(folder, "Platform.Abstractions.dll"));
            Assert.Equal(["Platform.Plugins.Rogue/ ships Platform.Abstractions.dll, which the host provides."], AssemblyReferenceRules.FolderViolations(folder));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    [Theory]
    [InlineData("Platform.Abstractions")]
    [InlineData("Platform.Spatial")]
    [InlineData("Platform.Jurisdiction")]
    [InlineData("Platform.Registers")]
    [InlineData("Platform.Maps")]
    public void A_module_assembly_does_not_reference_the_host(string module) =>
        Assert.Empty(AssemblyReferenceRules.Violations(Path.Combine(AppContext.BaseDirectory, module + ".dll"), ["Platform.Host", "Platform.Testing"]));

    [Fact]
    public void The_sdk_depends_on_no_module_but_the_spatial_layer()
    {
        var platform = AssemblyReferenceRules.ReferencedAssemblies(Path.Combine(AppContext.BaseDirectory, "Platform.Abstractions.dll"))
            .Where(r => r.StartsWith("Platform.", StringComparison.Ordinal));
        Assert.Equal(["Platform.Spatial"], platform);
    }
}
