using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Host.Tests.Jurisdiction;

/// <summary>On an otherwise empty register, so that every count is the test's own.</summary>
public sealed class RestructuringStatisticsTests(EmptyPlatformFixture fixture) : IClassFixture<EmptyPlatformFixture>
{
    [Fact]
    public async Task MergingTwoVillages_ChangesTheStatisticsAndTheUnitsAsOfEachDate()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var j = await TestJurisdiction.BuildAsync(admin, 104.20);

        var merge = await admin.PostAsJsonAsync("/api/jurisdiction/merges",
            new { absorbedIds = new[] { j.V2 }, successorId = j.V1, decision = TestJurisdiction.Decision("2020-06-30", "撤村并村") });
        var stats = await admin.GetFromJsonAsync<JsonElement>("/api/jurisdiction/statistics?from=2020-01-01&to=2020-12-31");
        var before = await admin.GetFromJsonAsync<JsonElement>("/api/jurisdiction/units?asOf=2020-06-29&level=village");
        var after = await admin.GetFromJsonAsync<JsonElement>("/api/jurisdiction/units?asOf=2020-06-30&level=village");

        Assert.Equal(HttpStatusCode.OK, merge.StatusCode);
        // 1 community and 3 villages before; 1 and 2 after: one unit of four fewer, 25.00%.
        Assert.Equal(1, stats.GetProperty("before").GetProperty("communities").GetInt32());
        Assert.Equal(3, stats.GetProperty("before").GetProperty("villages").GetInt32());
        Assert.Equal(1, stats.GetProperty("after").GetProperty("communities").GetInt32());
        Assert.Equal(2, stats.GetProperty("after").GetProperty("villages").GetInt32());
        Assert.Equal(25.00, stats.GetProperty("reductionPercent").GetDouble());
        Assert.Equal("由原来1个社区、3个村调整为1个社区、2个村，调减比例达25.00%", stats.GetProperty("sentenceZh").GetString());

        Assert.Equal(["一村", "二村", "三村"], Names(before));
        Assert.Equal(["一村", "三村"], Names(after));
        // V1 took in V2: twice the area, 0.02° × 0.02° instead of 0.01° × 0.02°.
        Assert.Equal(2.0, Area(after, "一村") / Area(before, "一村"), 3);
    }

    private static string[] Names(JsonElement fc) =>
        fc.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("name").GetString()!).ToArray();

    private static double Area(JsonElement fc, string name) =>
        fc.GetProperty("features").EnumerateArray()
            .Single(f => f.GetProperty("properties").GetProperty("name").GetString() == name)
            .GetProperty("properties").GetProperty("areaSquareMetres").GetDouble();
}
