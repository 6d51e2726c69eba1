using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;
using static Platform.Plugins.Scenes.Tests.VitalityTools;

namespace Platform.Plugins.Scenes.Tests;

/// <summary>A venue's week of opening hours and its photo.</summary>
[Collection(ScenesCollection.Name)]
public sealed class VitalityVenueTests(PlatformFixture fixture)
{
    /// <summary>Days from today (Shanghai) to the next <paramref name="day"/>, at least one day ahead.</summary>
    private static int DaysTo(DayOfWeek day)
    {
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DayOfWeek;
        var days = ((int)day - (int)today + 7) % 7;
        return days == 0 ? 7 : days;
    }

    [Fact]
    public async Task A_week_of_hours_closes_sunday_and_narrows_saturday_and_bookings_follow_it()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var venue = await NewVenueAsync(admin, "每周开放时间测试架空层");
        var week = new object[]
        {
            new { days = new[] { 1, 2, 3, 4, 5 }, opens = "08:00", closes = "21:00" },
            new { days = new[] { 6 }, opens = "09:00", closes = "12:00" },
        };
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"{Scene}/venues/{venue}/opening-hours", new { week })).StatusCode);

        var answer = (await admin.GetFromJsonAsync<JsonElement>($"{Scene}/venues/{venue}")).GetProperty("venue");
        Assert.Equal("周一至周五 08:00–21:00；周六 09:00–12:00", answer.GetProperty("openingHoursZh").GetString());
        Assert.Equal(2, answer.GetProperty("week").GetArrayLength());

        var sunday = DaysTo(DayOfWeek.Sunday);
        var saturday = DaysTo(DayOfWeek.Saturday);
        var monday = DaysTo(DayOfWeek.Monday);
        var closed = await admin.PostAsJsonAsync($"{Scene}/venues/{venue}/bookings", new { start = At(sunday, 10), end = At(sunday, 11), purpose = "周日活动" });
        Assert.Equal(HttpStatusCode.BadRequest, closed.StatusCode);
        var problem = await closed.JsonAsync();
        Assert.Equal("start", problem.GetProperty("field").GetString());
        Assert.Contains("周日", problem.GetProperty("detailZh").GetString());
        Assert.Contains("不开放", problem.GetProperty("detailZh").GetString());
        var afternoon = await admin.PostAsJsonAsync($"{Scene}/venues/{venue}/bookings", new { start = At(saturday, 13), end = At(saturday, 14), purpose = "周六下午" });
        Assert.Equal(HttpStatusCode.BadRequest, afternoon.StatusCode);
        Assert.Contains("09:00–12:00", (await afternoon.JsonAsync()).GetProperty("detailZh").GetString());
        Assert.Empty(await BookingsAsync(admin, venue));

        await BookAsync(admin, venue, At(saturday, 10), At(saturday, 11), "周六上午");
        await BookAsync(admin, venue, At(monday, 19), At(monday, 21), "周一晚上");
        Assert.Equal(2, (await BookingsAsync(admin, venue)).Count);
    }

    [Theory]
    [InlineData("[{\"days\":[8],\"opens\":\"08:00\",\"closes\":\"21:00\"}]", "week[0].days")]
    [InlineData("[{\"days\":[1,2],\"opens\":\"08:00\",\"closes\":\"21:00\"},{\"days\":[2],\"opens\":\"09:00\",\"closes\":\"10:00\"}]", "week[1].days")]
    [InlineData("[{\"days\":[1],\"opens\":\"18:00\",\"closes\":\"09:00\"}]", "week[0].closes")]
    [InlineData("[{\"days\":[1],\"opens\":\"8点\",\"closes\":\"21:00\"}]", "week[0].opens")]
    [InlineData("[]", "week")]
    public async Task A_bad_week_is_refused_naming_the_field_and_the_hours_stay(string week, string field)
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var venue = await NewVenueAsync(admin, $"开放时间校验架空层{field}{week.Length}");
        using var body = new StringContent($"{{\"week\":{week}}}", System.Text.Encoding.UTF8, "application/json");
        var response = await admin.PutAsync($"{Scene}/venues/{venue}/opening-hours", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, await response.FieldAsync());
        var answer = (await admin.GetFromJsonAsync<JsonElement>($"{Scene}/venues/{venue}")).GetProperty("venue");
        Assert.Equal("每天 08:00–21:00", answer.GetProperty("openingHoursZh").GetString());
        Assert.Equal(0, answer.GetProperty("week").GetArrayLength());
    }

    [Fact]
    public async Task A_venue_photo_loses_its_gps_position_and_anything_but_an_image_is_refused()
    {
        var original = Path.Combine(AppContext.BaseDirectory, "Data", "plain.jpg");
        var tagged = Path.Combine(Path.GetTempPath(), $"venue-gps-{Guid.NewGuid():N}.jpg");
        Exiftool($"-q -GPSLatitude=30.4152 -GPSLatitudeRef=N -GPSLongitude=104.0548 -GPSLongitudeRef=E -Make=VenueCam -o {tagged} {original}");
        Assert.Contains("GPSLatitude", Exiftool($"-j -GPS:all {tagged}"));

        var worker = await fixture.Factory.ClientForAsync("worker");
        var venue = await NewVenueAsync(worker, "照片测试架空层");
        MultipartFormDataContent Upload(byte[] data, string type) =>
            new() { { new ByteArrayContent(data) { Headers = { ContentType = new MediaTypeHeaderValue(type) } }, "photo", "p.jpg" } };
        var notImage = await worker.PostAsync($"{Scene}/venues/{venue}/photos", Upload("这不是图片"u8.ToArray(), "image/jpeg"));
        Assert.Equal(HttpStatusCode.BadRequest, notImage.StatusCode);
        Assert.Equal("photo", await notImage.FieldAsync());
        var anonymous = fixture.Factory.CreateClient();
        Assert.Equal(JsonValueKind.Null, (await anonymous.GetFromJsonAsync<JsonElement>($"{Scene}/venues/{venue}")).GetProperty("venue").GetProperty("photoUrl").ValueKind);

        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsync($"{Scene}/venues/{venue}/photos", Upload(await File.ReadAllBytesAsync(tagged), "image/jpeg"))).StatusCode);
        var photoUrl = (await anonymous.GetFromJsonAsync<JsonElement>($"{Scene}/venues/{venue}")).GetProperty("venue").GetProperty("photoUrl").GetString()!;
        Assert.StartsWith($"{Scene}/venues/{venue}/photos/", photoUrl);
        var served = Path.Combine(Path.GetTempPath(), $"venue-served-{Guid.NewGuid():N}.jpg");
        await File.WriteAllBytesAsync(served, await anonymous.GetByteArrayAsync(photoUrl));
        var tags = Exiftool($"-j -a -G1 {served}");
        Assert.DoesNotContain("GPS", tags);
        Assert.DoesNotContain("VenueCam", tags);
        Assert.Contains("\"File:ImageWidth\"", tags);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"{Scene}/venues/{venue}/photos", Upload(await File.ReadAllBytesAsync(original), "image/jpeg"))).StatusCode);
    }

    private static string Exiftool(string args)
    {
        var info = new ProcessStartInfo("exiftool") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"exiftool {args} exited {p.ExitCode}");
        return text;
    }
}
