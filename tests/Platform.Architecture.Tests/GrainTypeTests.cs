using System.Reflection;
using Platform.Abstractions.Plugins;
using Platform.Architecture.Tests.Rules;
using Platform.Architecture.Tests.Support;

namespace Platform.Architecture.Tests;

/// <summary>Every shipped grain — of the modules and of the deployed plugins — has a grain type namespaced with its owner's id.</summary>
public sealed class GrainTypeTests
{
    public static TheoryData<string, string> Modules() => new()
    {
        { "Platform.Registers", "registers" },
        { "Platform.Jurisdiction", "jurisdiction" },
        { "Platform.Reports", "reports" },
        { "Platform.Governance", "governance" },
        { "Platform.Campaigns", "campaigns" },
    };

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_grain_is_namespaced_with_the_module(string module, string prefix)
    {
        var assembly = Assembly.Load(module);
        Assert.NotEmpty(GrainTypeRules.GrainClasses(assembly));
        Assert.Empty(GrainTypeRules.Violations(assembly, prefix));
    }

    [Theory]
    [MemberData(nameof(PluginAssemblyTests.DeployedPlugins), MemberType = typeof(PluginAssemblyTests))]
    public void A_plugin_grain_is_namespaced_with_the_plugin_id(string plugin)
    {
        var assembly = Assembly.LoadFrom(Path.Combine(Repository.DeployedPlugins, plugin, plugin + ".dll"));
        var id = assembly.GetCustomAttribute<ScenarioPluginAttribute>()!.Id;
        Assert.Empty(GrainTypeRules.Violations(assembly, id));
    }

    [Fact]
    public void The_rule_reports_a_grain_without_a_grain_type_and_one_with_a_foreign_prefix()
    {
        var violations = GrainTypeRules.Violations(typeof(GrainTypeTests).Assembly, "tests");
        Assert.Contains(violations, v => v.Contains(nameof(UnnamedGrain), StringComparison.Ordinal) && v.Contains("no [GrainType]", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains(nameof(ForeignGrain), StringComparison.Ordinal) && v.Contains("'parks.foreign'", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains(nameof(NamedGrain), StringComparison.Ordinal));
    }

    /// <summary>Deliberate violations for the rule to find (never activated).</summary>
    internal sealed class UnnamedGrain : Grain;

    [GrainType("parks.foreign")]
    internal sealed class ForeignGrain : Grain;

    [GrainType("tests.named")]
    internal sealed class NamedGrain : Grain;
}
