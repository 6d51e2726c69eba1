using System.Reflection;
using Platform.Abstractions.Plugins;
using Platform.Plugins.Example;
using Platform.Plugins.Example.Maps;
using Platform.Plugins.Example.Places;

namespace Platform.Plugins.Example.Tests;

public sealed class ScenePluginTests
{
    private static readonly ScenarioPluginAttribute Manifest =
        typeof(ScenePlugin).Assembly.GetCustomAttribute<ScenarioPluginAttribute>()!;

    [Fact]
    public void Manifest_names_the_plugin_and_fits_this_sdk()
    {
        Assert.Equal("example-id", Manifest.Id);
        Assert.Equal(typeof(ScenePlugin), Manifest.EntryPoint);
        Assert.True(SdkVersionRange.Parse(Manifest.SdkVersion).Includes(PlatformSdk.Version), $"{Manifest.SdkVersion} excludes SDK {PlatformSdk.Version}");
        Assert.False(string.IsNullOrWhiteSpace(Manifest.NameZh));
        Assert.False(string.IsNullOrWhiteSpace(Manifest.NameEn));
    }

    [Fact]
    public void Event_alias_and_layer_id_are_namespaced_with_the_plugin_id()
    {
        Assert.StartsWith(Manifest.Id + ".", PlaceRecorded.Alias, StringComparison.Ordinal);
        Assert.StartsWith(Manifest.Id + "-", PlaceLayer.Id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 104.07, 30.40, "name")]
    [InlineData("  ", 104.07, 30.40, "name")]
    [InlineData("兴隆湖", 200.0, 30.40, "lon")]
    [InlineData("兴隆湖", 104.07, double.NaN, "lat")]
    public void An_invalid_place_is_refused_naming_the_field(string? name, double lon, double lat, string field) =>
        Assert.Equal(field, PlaceIsNamedAndInChinaRule.Check(name, lon, lat)?.Field);

    [Fact]
    public void A_valid_place_passes() => Assert.Null(PlaceIsNamedAndInChinaRule.Check("兴隆湖", 104.07, 30.40));
}
