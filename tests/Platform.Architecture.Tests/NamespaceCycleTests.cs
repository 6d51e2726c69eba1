using Platform.Architecture.Tests.Rules;
using Platform.Architecture.Tests.Support;

namespace Platform.Architecture.Tests;

/// <summary>
/// No namespace cycle inside a module or a plugin, read from the compiled assemblies (IL included, see <see cref="NamespaceGraph"/>);
/// the detector is also shown finding a deliberate cycle in this test assembly.
/// </summary>
public sealed class NamespaceCycleTests
{
    private static readonly string[] Modules = ["Platform.Registers", "Platform.Jurisdiction", "Platform.Reports", "Platform.Maps", "Platform.Governance", "Platform.Campaigns"];

    private static List<string> Names() =>
        [.. Modules, .. Directory.GetDirectories(Repository.DeployedPlugins).Select(d => Path.GetFileName(d))
            .Where(p => p.StartsWith("Platform.Plugins.", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Assemblies() => new(Names());

    private static string PathOf(string assembly) =>
        Modules.Contains(assembly)
            ? Path.Combine(AppContext.BaseDirectory, assembly + ".dll")
            : Path.Combine(Repository.DeployedPlugins, assembly, assembly + ".dll");

    [Fact]
    public void Every_module_and_shipped_plugin_is_checked()
    {
        var checkedAssemblies = Names();
        foreach (var name in Modules.Concat(["Platform.Plugins.Service", "Platform.Plugins.Ecological", "Platform.Plugins.Smart", "Platform.Plugins.Vitality"]))
            Assert.Contains(name, checkedAssemblies);
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void An_assembly_has_no_namespace_cycle(string assembly)
    {
        var graph = NamespaceGraph.Read(PathOf(assembly), assembly);
        Assert.NotEmpty(graph);
        var found = NamespaceCycles.Find(graph);
        Assert.True(found.Count == 0, $"{assembly}:\n{string.Join("\n", found)}");
    }

    [Fact]
    public void The_detector_finds_a_cycle_whose_one_side_is_in_a_method_body()
    {
        var graph = NamespaceGraph.Read(typeof(NamespaceCycleTests).Assembly.Location, "Platform.Architecture.Tests.Cyclic");
        var cycle = Assert.Single(NamespaceCycles.Find(graph));
        Assert.Equal("namespace cycle among Platform.Architecture.Tests.Cyclic.Invoices, Platform.Architecture.Tests.Cyclic.Orders: "
            + "Platform.Architecture.Tests.Cyclic.Invoices → Platform.Architecture.Tests.Cyclic.Orders → Platform.Architecture.Tests.Cyclic.Invoices", cycle);
    }

    [Fact]
    public void The_detector_finds_nothing_in_one_side_of_the_cycle() =>
        Assert.Empty(NamespaceCycles.Find(NamespaceGraph.Read(typeof(NamespaceCycleTests).Assembly.Location, "Platform.Architecture.Tests.Cyclic.Orders")));

    [Fact]
    public void The_detector_finds_a_longer_cycle_and_ignores_a_chain()
    {
        var edges = new Dictionary<string, IReadOnlySet<string>>
        {
            ["A"] = new HashSet<string> { "B" },
            ["B"] = new HashSet<string> { "C", "D" },
            ["C"] = new HashSet<string> { "A" },
            ["D"] = new HashSet<string> { "E" },
        };
        Assert.Equal(new[] { "namespace cycle among A, B, C: A → B → C → A" }, NamespaceCycles.Find(edges));
        edges.Remove("C");
        Assert.Empty(NamespaceCycles.Find(edges));
    }
}
