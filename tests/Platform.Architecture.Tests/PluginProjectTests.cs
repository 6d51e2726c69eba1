using Platform.Architecture.Tests.Rules;
using Platform.Architecture.Tests.Support;

namespace Platform.Architecture.Tests;

/// <summary>Plugins reference the SDK only; modules never the host. Each rule is also shown failing on a violation.</summary>
public sealed class PluginProjectTests
{
    private static readonly string SdkProject = Repository.PathOf("modules", "Platform.Abstractions", ProjectReferenceRules.SdkProjectFile);

    private static List<string> ProjectsUnder(params string[] folders) =>
        folders.Select(d => Repository.PathOf(d)).Where(Directory.Exists)
            .SelectMany(d => Directory.GetDirectories(d)).SelectMany(d => Directory.GetFiles(d, "*.csproj"))
            .Select(p => Path.GetRelativePath(Repository.Root, p)).Order(StringComparer.Ordinal).ToList();

    public static TheoryData<string> PluginProjects() => new(ProjectsUnder("plugins"));

    public static TheoryData<string> ModuleProjects() => new(ProjectsUnder("modules", "maps"));

    [Fact]
    public void Every_scene_plugin_has_a_project()
    {
        var projects = ProjectsUnder("plugins").Select(Path.GetFileNameWithoutExtension).ToList();
        foreach (var scene in new[] { "Service", "Ecological", "Smart", "Vitality" })
            Assert.Contains($"Platform.Plugins.{scene}", projects);
    }

    [Theory]
    [MemberData(nameof(PluginProjects))]
    public void A_plugin_project_references_the_sdk_only(string project)
    {
        var path = Repository.PathOf(project);
        Assert.Empty(ProjectReferenceRules.PluginViolations(path, File.ReadAllText(path), SdkProject));
    }

    [Fact]
    public void The_template_plugin_project_references_the_sdk_only()
    {
        var path = Repository.PathOf("templates", "platform-plugin", "plugins", "Platform.Plugins.Example", "Platform.Plugins.Example.csproj");
        Assert.Empty(ProjectReferenceRules.PluginViolations(path, File.ReadAllText(path), sdkPath: null));
    }

    [Theory]
    [InlineData(@"..\..\host\Platform.Host\Platform.Host.csproj", "Platform.Host.csproj")]
    [InlineData(@"..\..\modules\Platform.Registers\Platform.Registers.csproj", "Platform.Registers.csproj")]
    [InlineData(@"..\..\maps\Platform.Maps\Platform.Maps.csproj", "Platform.Maps.csproj")]
    public void The_plugin_rule_reports_a_reference_beyond_the_sdk(string include, string named)
    {
        var path = Repository.PathOf("plugins", "Platform.Plugins.Rogue", "Platform.Plugins.Rogue.csproj");
        var violations = ProjectReferenceRules.PluginViolations(path, Plugin(include), SdkProject);
        Assert.Contains(violations, v => v.Contains(named, StringComparison.Ordinal));
        Assert.Contains(ProjectReferenceRules.PluginViolations(path, Plugin(include), sdkPath: null), v => v.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void The_plugin_rule_reports_an_sdk_reference_that_copies_the_sdk()
    {
        var path = Repository.PathOf("plugins", "Platform.Plugins.Rogue", "Platform.Plugins.Rogue.csproj");
        var xml = Plugin(@"..\..\modules\Platform.Abstractions\Platform.Abstractions.csproj").Replace(" Private=\"false\" ExcludeAssets=\"runtime\"", "", StringComparison.Ordinal);
        var violations = ProjectReferenceRules.PluginViolations(path, xml, SdkProject);
        Assert.Contains(violations, v => v.Contains("Private", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("ExcludeAssets", StringComparison.Ordinal));
    }

    [Fact]
    public void The_plugin_rule_accepts_the_sdk_reference_it_asks_for() =>
        Assert.Empty(ProjectReferenceRules.PluginViolations(Repository.PathOf("plugins", "Platform.Plugins.Rogue", "Platform.Plugins.Rogue.csproj"),
            Plugin(@"..\..\modules\Platform.Abstractions\Platform.Abstractions.csproj"), SdkProject));

    [Theory]
    [MemberData(nameof(ModuleProjects))]
    public void A_module_project_does_not_reference_the_host(string project)
    {
        var path = Repository.PathOf(project);
        Assert.Empty(ProjectReferenceRules.ModuleViolations(path, File.ReadAllText(path), Repository.Root));
    }

    [Fact]
    public void The_module_rule_reports_a_reference_to_the_host()
    {
        var path = Repository.PathOf("modules", "Platform.Rogue", "Platform.Rogue.csproj");
        var xml = """<Project><ItemGroup><ProjectReference Include="..\..\host\Platform.Host\Platform.Host.csproj" /></ItemGroup></Project>""";
        Assert.Single(ProjectReferenceRules.ModuleViolations(path, xml, Repository.Root));
    }

    private static string Plugin(string include) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><EnableDynamicLoading>true</EnableDynamicLoading></PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="..\..\modules\Platform.Abstractions\Platform.Abstractions.csproj" Private="false" ExcludeAssets="runtime" />
            <ProjectReference Include="{include}" Private="false" ExcludeAssets="runtime" />
            <PackageReference Include="Microsoft.Orleans.Sdk" ExcludeAssets="runtime" />
          </ItemGroup>
        </Project>
        """;
}
