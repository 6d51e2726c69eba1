using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Testing;

namespace Platform.Reports.Tests;

/// <summary>
/// A report as of a date counts what was in force by then. The demo merges resident groups by the decision of 2021-03-15
/// (兴隆示例〔2021〕5号), so a summary of 2021 as of 1 March still has every group, as the jurisdiction statistics of that date say.
/// </summary>
public sealed partial class AsOfTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task ASummaryAsOfADateBeforeTheMerges_CountsTheGroupsOfThatDate_AndSaysThatDateEverywhere()
    {
        var client = await fixture.Factory.ClientForAsync("planner");
        var early = await client.MarkdownAsync("/api/reports/annual?year=2021&asOf=2021-03-01&format=md");
        var full = await client.MarkdownAsync("/api/reports/annual?year=2021&format=md");
        var before = await client.JsonAsync("/api/jurisdiction/statistics?from=2021-01-01&to=2021-03-01");
        var after = await client.JsonAsync("/api/jurisdiction/statistics?from=2021-01-01&to=2021-12-31");
        Assert.True(after.GetProperty("after").GetProperty("groups").GetInt32() < before.GetProperty("after").GetProperty("groups").GetInt32(),
            "the demo's group merges of 2021 are gone; the test would prove nothing");

        Assert.Equal(before.GetProperty("after").GetProperty("groups").GetInt32(), int.Parse(StreetGroups().Match(early).Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Equal(after.GetProperty("after").GetProperty("groups").GetInt32(), int.Parse(StreetGroups().Match(full).Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.DoesNotContain("召开村(居)民小组户代表会议", early);
        Assert.Contains("召开村(居)民小组户代表会议3次", full);
        // Every "截至" of the document names the same date, in Chinese.
        var dates = AsOfDates().Matches(early).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Equal(["2021年3月1日"], dates);
    }

    [Theory]
    [InlineData("year=2100&format=md", "year")]
    [InlineData("year=2021&asOf=2022-01-01&format=md", "asOf")]
    [InlineData("year=2021&asOf=2021-13-01&format=md", "asOf")]
    [InlineData("asOf=2100-01-01&format=md", "asOf")]
    public async Task AFutureYearOrAnAsOfOutsideTheYear_IsRefusedNamingTheParameter(string query, string field)
    {
        var client = await fixture.Factory.ClientForAsync("planner");
        var response = await client.GetAsync($"/api/reports/annual?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("field").GetString());
    }

    [Fact]
    public async Task TheEcologicalSentence_ListsEveryGardenByName_AndCountsThem()
    {
        var client = await fixture.Factory.ClientForAsync("planner");
        var md = await client.MarkdownAsync($"/api/reports/annual?year={ReportClient.ThisYear}&format=md");
        var gardens = (await client.JsonAsync("/api/scenes/ecological/gardens")).EnumerateArray().Select(g => g.GetProperty("name").GetString()!).ToList();
        Assert.True(gardens.Count >= 2, $"only {gardens.Count} gardens in the demo");
        var m = GardenSentence().Match(md);
        Assert.True(m.Success, md);
        Assert.Equal(gardens.Order(StringComparer.Ordinal), m.Groups[1].Value.Split('、').Order(StringComparer.Ordinal));
        Assert.Equal(gardens.Count, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"二是营造生态场景。(?:\*\*)?([^共*]+)共(\d+)处可食\+可视地景")]
    private static partial Regex GardenSentence();

    [GeneratedRegex(@"街道辖\d+个社区、\d+个村、(\d+)个村\(居\)民小组")]
    private static partial Regex StreetGroups();

    [GeneratedRegex(@"截至(\d{4}年\d{1,2}月\d{1,2}日)")]
    private static partial Regex AsOfDates();
}
