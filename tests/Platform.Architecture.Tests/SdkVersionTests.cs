using System.Xml.Linq;
using Platform.Abstractions.Plugins;
using Platform.Architecture.Tests.Support;

namespace Platform.Architecture.Tests;

/// <summary>The SDK has one version: the one plugins' ranges are checked against is the one the project builds.</summary>
public sealed class SdkVersionTests
{
    [Fact]
    public void PlatformSdk_version_is_the_sdk_projects_version_and_its_assemblys()
    {
        var project = XDocument.Load(Repository.PathOf("modules", "Platform.Abstractions", "Platform.Abstractions.csproj"));
        var declared = Version.Parse(project.Descendants("Version").Single().Value);
        Assert.Equal(declared, PlatformSdk.Version);
        Assert.Equal(declared, typeof(PlatformSdk).Assembly.GetName().Version is { } v ? new Version(v.Major, v.Minor, v.Build) : null);
    }
}
