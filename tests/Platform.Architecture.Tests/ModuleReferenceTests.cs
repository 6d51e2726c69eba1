using Platform.Architecture.Tests.Rules;
using Platform.Architecture.Tests.Support;

namespace Platform.Architecture.Tests;

/// <summary>A module references no other module but the SDK and the spatial layer; the rule is also shown failing.</summary>
public sealed class ModuleReferenceTests
{
    private static readonly IReadOnlyList<string> Modules = ModuleReferenceRules.ModuleProjects(Repository.Root);

    public static TheoryData<string> ModuleProjects() => new(Modules.Select(p => Path.GetRelativePath(Repository.Root, p)));

    [Fact]
    public void The_module_list_is_read_from_the_folders()
    {
        var names = Modules.Select(Path.GetFileNameWithoutExtension).ToList();
        foreach (var module in new[] { "Platform.Abstractions", "Platform.Spatial", "Platform.Registers", "Platform.Jurisdiction", "Platform.Reports", "Platform.Maps" })
            Assert.Contains(module, names);
    }

    [Theory]
    [MemberData(nameof(ModuleProjects))]
    public void A_module_references_no_other_module_but_the_sdk_and_the_spatial_layer(string project)
    {
        var path = Repository.PathOf(project);
        Assert.Empty(ModuleReferenceRules.Violations(path, File.ReadAllText(path), Modules));
    }

    [Fact]
    public void The_rule_reports_a_module_that_references_another_module()
    {
        var path = Repository.PathOf("modules", "Platform.Reports", "Platform.Reports.csproj");
        var xml = """
            <Project>
              <ItemGroup>
                <ProjectReference Include="..\Platform.Abstractions\Platform.Abstractions.csproj" />
                <ProjectReference Include="..\Platform.Registers\Platform.Registers.csproj" />
                <ProjectReference Include="..\..\maps\Platform.Maps\Platform.Maps.csproj" />
              </ItemGroup>
            </Project>
            """;
        var violations = ModuleReferenceRules.Violations(path, xml, Modules);
        Assert.Equal(2, violations.Count);
        Assert.Contains(violations, v => v.Contains("Platform.Registers.csproj", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("Platform.Maps.csproj", StringComparison.Ordinal));
    }

    [Fact]
    public void The_rule_accepts_the_sdk_and_the_spatial_layer()
    {
        var path = Repository.PathOf("maps", "Platform.Maps", "Platform.Maps.csproj");
        var xml = """
            <Project>
              <ItemGroup>
                <ProjectReference Include="..\..\modules\Platform.Abstractions\Platform.Abstractions.csproj" />
                <ProjectReference Include="..\..\modules\Platform.Spatial\Platform.Spatial.csproj" />
              </ItemGroup>
            </Project>
            """;
        Assert.Empty(ModuleReferenceRules.Violations(path, xml, Modules));
    }
}
