using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Host.Tests.Jurisdiction;

/// <summary>The demo jurisdiction as a user of a fresh installation meets it.</summary>
public sealed class DemoJurisdictionTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task Locate_AtXinglongLake_NamesACommunity()
    {
        var located = await fixture.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/jurisdiction/locate?lon=104.07&lat=30.40");

        Assert.Equal("兴隆湖社区", located.GetProperty("community").GetProperty("name").GetString());
        Assert.Equal("兴隆街道", located.GetProperty("street").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Communities_IncludeTheFiveOfTheSeed()
    {
        var units = await fixture.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/jurisdiction/units?level=community");

        var names = units.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("name").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "蓝家店社区", "兴隆湖社区", "三根松社区", "保水社区", "天明社区" }, names);
    }

    [Fact]
    public async Task Statistics_For2020_ReadLikeTheSeed_From13UnitsTo7()
    {
        var stats = await fixture.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/jurisdiction/statistics?from=2020-01-01&to=2020-12-31");

        // 3 communities + 10 villages → 5 + 2: 6 of 13 fewer = 46.153…% → 46.15%.
        Assert.Equal("由原来3个社区、10个村调整为5个社区、2个村，调减比例达46.15%", stats.GetProperty("sentenceZh").GetString());
    }

    [Fact]
    public async Task Locate_InTheDelegatedArea_SaysItIsManagedByXinglongButOwnedByZhengxing()
    {
        var located = await fixture.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/jurisdiction/locate?lon=104.118&lat=30.41&date=2022-01-01");
        var beforeDelegation = await fixture.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/jurisdiction/locate?lon=104.118&lat=30.41&date=2021-08-31");

        Assert.True(located.GetProperty("delegated").GetBoolean());
        Assert.Equal("兴隆街道", located.GetProperty("managingStreet").GetString());
        Assert.Equal("正兴街道", located.GetProperty("ownerStreet").GetString());
        Assert.Equal(JsonValueKind.Null, beforeDelegation.GetProperty("managingStreet").ValueKind);
    }

    [Fact]
    public async Task Gaps_InTheDemo_AreNone()
    {
        var gaps = await fixture.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/jurisdiction/gaps");

        Assert.Equal(0, gaps.GetProperty("features").GetArrayLength());
    }
}
