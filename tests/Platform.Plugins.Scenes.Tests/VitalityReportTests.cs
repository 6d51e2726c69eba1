using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Testing;
using static Platform.Plugins.Scenes.Tests.VitalityTools;

namespace Platform.Plugins.Scenes.Tests;

[Collection(ScenesCollection.Name)]
public sealed partial class VitalityReportTests(PlatformFixture fixture)
{
    [Fact]
    public async Task The_annual_summary_sentence_of_the_vitality_scene_equals_the_api_figures_of_the_year()
    {
        var year = DateTime.Today.Year;
        var planner = await fixture.Factory.ClientForAsync("planner");
        var md = await planner.GetStringAsync($"/api/reports/annual?year={year}&format=md");
        Assert.DoesNotContain("【待补：拟孵化培育自组织、兴趣团体数】", md);
        var m = Sentence().Match(md);
        Assert.True(m.Success, md);

        using var anonymous = fixture.Factory.CreateClient();
        var end = new DateOnly(year, 12, 31);
        var groups = (await anonymous.GetFromJsonAsync<JsonElement>($"{Scene}/groups")).EnumerateArray()
            .Where(g => DateOnly.Parse(g.GetProperty("foundedOn").GetString()!, CultureInfo.InvariantCulture) <= end).ToList();
        int Count(string stage) => groups.Count(g => g.GetProperty("stage").GetString() == stage);
        Assert.Equal(groups.Count, Int(m, "groups"));
        Assert.Equal(Count("sprouting"), Int(m, "sprouting"));
        Assert.Equal(Count("registered"), Int(m, "registered"));
        Assert.Equal(Count("mature"), Int(m, "mature"));
        var signatureCommunities = groups.Where(g => g.GetProperty("signature").GetBoolean() && g.GetProperty("communityCode").ValueKind == JsonValueKind.String)
            .Select(g => g.GetProperty("communityCode").GetString()).Distinct().Count();
        Assert.Equal(signatureCommunities, Int(m, "signature"));

        var times = await anonymous.GetFromJsonAsync<JsonElement>($"{Scene}/person-times?year={year}");
        Assert.Equal(times.GetProperty("activities").GetInt32(), Int(m, "activities"));
        Assert.Equal(times.GetProperty("personTimes").GetInt32(), Int(m, "times"));
        var from = new DateOnly(year, 1, 1);
        var listed = (await anonymous.GetFromJsonAsync<JsonElement>($"{Scene}/activities?from={from:yyyy-MM-dd}&to={end:yyyy-MM-dd}")).EnumerateArray().ToList();
        Assert.Equal(listed.Count, Int(m, "activities"));
        Assert.Equal(listed.Sum(a => a.GetProperty("participants").GetInt32()), Int(m, "times"));
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"在已孵化培育(?<groups>\d+)支自组织、兴趣团体（萌芽(?<sprouting>\d+)支、登记(?<registered>\d+)支、成熟(?<mature>\d+)支，(?<signature>\d+)个社区确定特色团队）的基础上继续孵化培育，依托社区综合体、小区架空层、社区广场等共享空间开展系列品牌活动；\d+年已开展.*?活动(?<activities>\d+)场、参与(?<times>\d+)人次。")]
    private static partial Regex Sentence();
}
