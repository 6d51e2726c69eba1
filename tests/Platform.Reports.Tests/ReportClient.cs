using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Reports.Tests;

/// <summary>Fetching reports and the independent figures they are checked against, through the public API.</summary>
internal static class ReportClient
{
    public static readonly int ThisYear = DateTime.Today.Year;

    public static async Task<string> MarkdownAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task<JsonElement> JsonAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The date a report of <paramref name="year"/> reads the registers on: the year's end, or today.</summary>
    public static string AsOf(int year) =>
        (year < ThisYear ? new DateOnly(year, 12, 31) : DateOnly.FromDateTime(DateTime.Today)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
