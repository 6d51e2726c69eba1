using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Plugins.Scenes.Tests;

/// <summary>Helpers of the vitality tests: a fresh venue of their own, times on the Shanghai wall clock, independent tools.</summary>
internal static class VitalityTools
{
    public const string Scene = "/api/scenes/vitality";

    /// <summary>A point inside 兴隆湖社区 (the demo worker's community), near 人才公寓.</summary>
    public const double Lon = 104.0548, Lat = 30.4152;

    /// <summary>An ISO-8601 time with +08:00 at <paramref name="hour"/>:<paramref name="minute"/>, <paramref name="days"/> days from today (Shanghai).</summary>
    public static string At(int days, int hour, int minute = 0)
    {
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Date;
        return today.AddDays(days).AddHours(hour).AddMinutes(minute).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) + "+08:00";
    }

    public static async Task<string> NewVenueAsync(HttpClient staff, string name, bool approval = false, int capacity = 30, int maxMinutes = 120)
    {
        var response = await staff.PostAsJsonAsync($"{Scene}/venues", new
        {
            name, kind = "ground_floor", lon = Lon, lat = Lat, capacity, opens = "08:00", closes = "21:00", maxBookingMinutes = maxMinutes,
            approvalRequired = approval, equipment = new[] { "桌椅" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    public static async Task<List<JsonElement>> BookingsAsync(HttpClient client, string venue) =>
        (await client.GetFromJsonAsync<JsonElement>($"{Scene}/venues/{venue}?from=2000-01-01&to=2100-01-01")).GetProperty("bookings").EnumerateArray().ToList();

    public static async Task<string> BookAsync(HttpClient staff, string venue, string start, string end, string purpose = "测试预约")
    {
        var response = await staff.PostAsJsonAsync($"{Scene}/venues/{venue}/bookings", new { start, end, purpose });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("bookingIds")[0].GetString()!;
    }

    public static async Task<(int Code, string Out, string Err)> RunAsync(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in args)
            info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        p.StandardInput.Close();
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await output, await error);
    }
}
