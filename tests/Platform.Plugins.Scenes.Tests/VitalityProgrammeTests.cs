using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;
using static Platform.Plugins.Scenes.Tests.VitalityTools;

namespace Platform.Plugins.Scenes.Tests;

[Collection(ScenesCollection.Name)]
public sealed class VitalityProgrammeTests(PlatformFixture fixture)
{
    private async Task<(string Activity, string Venue)> ScheduleAsync(HttpClient admin, string title, int capacity, int days = 12, string series = "family_reading")
    {
        var venue = await NewVenueAsync(admin, $"{title}场地");
        var booking = await BookAsync(admin, venue, At(days, 15), At(days, 16, 30), title);
        var response = await admin.PostAsJsonAsync($"{Scene}/activities/scheduled", new { title, series, venueId = venue, bookingId = booking, capacity });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return ((await response.JsonAsync()).GetProperty("id").GetString()!, venue);
    }

    [Fact]
    public async Task A_cancellation_promotes_the_first_waiting_and_person_times_equal_the_check_ins()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var worker = await fixture.Factory.ClientForAsync("worker");
        var resident = await fixture.Factory.ClientForAsync("resident");
        var (activity, _) = await ScheduleAsync(admin, "亲子共读·手工绘本（测试）", capacity: 2);
        var signups = $"{Scene}/activities/{activity}/signups";

        // Two places: admin and worker get them, the resident is first on the waiting list.
        Assert.Equal("confirmed", (await (await admin.PostAsync(signups, null)).JsonAsync()).GetProperty("status").GetString());
        Assert.Equal("confirmed", (await (await worker.PostAsync(signups, null)).JsonAsync()).GetProperty("status").GetString());
        var waiting = await (await resident.PostAsync(signups, null)).JsonAsync();
        Assert.Equal("waiting", waiting.GetProperty("status").GetString());
        Assert.Equal(1, waiting.GetProperty("position").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await resident.PostAsync(signups, null)).StatusCode);

        var before = await admin.GetFromJsonAsync<JsonElement>(signups);
        Assert.Equal(["admin", "worker"], before.GetProperty("confirmed").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["resident"], before.GetProperty("waiting").EnumerateArray().Select(e => e.GetString()));

        // The worker cancels: the resident moves up, never more than two places taken.
        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsync($"{signups}/cancel", null)).StatusCode);
        var after = await admin.GetFromJsonAsync<JsonElement>(signups);
        Assert.Equal(["admin", "resident"], after.GetProperty("confirmed").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(after.GetProperty("waiting").EnumerateArray());
        var mine = (await resident.GetFromJsonAsync<JsonElement>($"{Scene}/activities/mine")).EnumerateArray().Single(m => m.GetProperty("activityId").GetString() == activity);
        Assert.Equal("confirmed", mine.GetProperty("status").GetString());

        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(12).Year;
        var timesBefore = (await admin.GetFromJsonAsync<JsonElement>($"{Scene}/person-times?year={year}")).GetProperty("personTimes").GetInt32();

        // Check-in: the resident with the door's code, the admin recorded by staff; the worker (cancelled) and a stranger are refused.
        var door = await admin.GetFromJsonAsync<JsonElement>($"{Scene}/activities/{activity}/checkin");
        var token = door.GetProperty("token").GetString();
        var checkins = $"{Scene}/activities/{activity}/checkins";
        Assert.Equal(HttpStatusCode.BadRequest, (await resident.PostAsJsonAsync(checkins, new { token = "0000" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await resident.PostAsJsonAsync(checkins, new { token })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await resident.PostAsJsonAsync(checkins, new { token })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync(checkins, new { person = "admin" })).StatusCode);
        var notSignedUp = await admin.PostAsJsonAsync(checkins, new { person = "worker" });
        Assert.Equal(HttpStatusCode.Conflict, notSignedUp.StatusCode);
        Assert.Equal("person", await notSignedUp.FieldAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync(checkins, new { person = "路人甲" })).StatusCode);

        var answer = await admin.GetFromJsonAsync<JsonElement>($"{Scene}/activities/{activity}");
        Assert.Equal(2, answer.GetProperty("participants").GetInt32());
        Assert.Equal(2, answer.GetProperty("signedUp").GetInt32());
        var times = await admin.GetFromJsonAsync<JsonElement>($"{Scene}/person-times?year={year}");
        Assert.Equal(timesBefore + 2, times.GetProperty("personTimes").GetInt32());
        Assert.Equal(times.GetProperty("personTimes").GetInt32(), times.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("personTimes").GetInt32()));
        Assert.Contains(times.GetProperty("rows").EnumerateArray(), r => r.GetProperty("series").GetString() == "亲子共读" && r.GetProperty("communityCode").GetString() == Scenes.WorkerCommunity);
    }

    [Fact]
    public async Task Sign_up_past_capacity_goes_to_the_waiting_list_never_over()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var (activity, _) = await ScheduleAsync(admin, "舞蹈艺术培训·单人名额（测试）", capacity: 1, series: "舞蹈艺术培训");
        var clients = new[] { admin, await fixture.Factory.ClientForAsync("worker"), await fixture.Factory.ClientForAsync("resident") };
        var answers = await Task.WhenAll(clients.Select(c => c.PostAsync($"{Scene}/activities/{activity}/signups", null)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var list = await admin.GetFromJsonAsync<JsonElement>($"{Scene}/activities/{activity}/signups");
        Assert.Single(list.GetProperty("confirmed").EnumerateArray());
        Assert.Equal(2, list.GetProperty("waiting").GetArrayLength());
    }

    [Fact]
    public async Task The_door_qr_code_decodes_with_zbarimg_to_the_activitys_check_in_address()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var (activity, _) = await ScheduleAsync(admin, "传统文化体验·剪纸（测试）", capacity: 10, series: "traditional_culture");
        var png = await admin.GetByteArrayAsync($"{Scene}/activities/{activity}/checkin.png");
        var file = Path.Combine(Path.GetTempPath(), $"checkin-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(file, png);
        var (code, output, error) = await RunAsync("zbarimg", "--quiet", "--raw", file);
        File.Delete(file);
        Assert.True(code == 0, error);
        var door = await admin.GetFromJsonAsync<JsonElement>($"{Scene}/activities/{activity}/checkin");
        Assert.Equal(door.GetProperty("url").GetString(), output.Trim());
        Assert.Contains($"checkin={activity}", output);
        Assert.Contains($"token={door.GetProperty("token").GetString()}", output);
        // The code is staff's to show at the door: residents do not get it.
        var resident = await fixture.Factory.ClientForAsync("resident");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync($"{Scene}/activities/{activity}/checkin.png")).StatusCode);
    }

    [Theory]
    [InlineData("""{"series":"dance","capacity":5}""", "title")]
    [InlineData("""{"title":"t","series":"karaoke","capacity":5}""", "series")]
    [InlineData("""{"title":"t","series":"dance","capacity":0}""", "capacity")]
    [InlineData("""{"title":"t","series":"dance","capacity":31}""", "capacity")]
    [InlineData("""{"title":"t","series":"dance","capacity":5,"bookingId":"00000000-0000-0000-0000-000000000001"}""", "bookingId")]
    public async Task An_invalid_schedule_is_refused_naming_the_field(string json, string field)
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var venue = await NewVenueAsync(admin, $"排期校验{field}{json.Length}");
        var booking = await BookAsync(admin, venue, At(15, 10), At(15, 11));
        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
        var full = new Dictionary<string, object?>(body.Select(kv => KeyValuePair.Create(kv.Key, (object?)kv.Value))) { ["venueId"] = venue };
        full.TryAdd("bookingId", booking);
        var response = await admin.PostAsJsonAsync($"{Scene}/activities/scheduled", full);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, await response.FieldAsync());
    }

    [Fact]
    public async Task The_community_calendar_feed_lists_the_demo_activities_in_shanghai_time_for_anyone()
    {
        using var anonymous = fixture.Factory.CreateClient();
        var activities = (await anonymous.GetFromJsonAsync<JsonElement>($"{Scene}/activities?community={Scenes.WorkerCommunity}")).EnumerateArray()
            .Where(a => a.GetProperty("scheduled").GetBoolean()).ToList();
        Assert.NotEmpty(activities);
        var ics = await anonymous.GetStringAsync($"{Scene}/calendar.ics?community={Scenes.WorkerCommunity}");
        Assert.DoesNotContain("demo-resident", ics);
        Assert.DoesNotContain("token", ics, StringComparison.OrdinalIgnoreCase);
        var events = await VitalityBookingTests.ParseAsync(ics);
        Assert.Equal(activities.Count, events.Count);
        foreach (var a in activities)
        {
            var e = events.Single(x => x.Summary == a.GetProperty("title").GetString());
            // The answer's +08:00 times, read by hand as wall-clock text, are the feed's TZID=Asia/Shanghai times.
            Assert.Equal(a.GetProperty("start").GetString()![..19], e.Start);
            Assert.Equal(a.GetProperty("end").GetString()![..19], e.End);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync($"{Scene}/calendar.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"{Scene}/calendar.ics?community=XL-NOPE")).StatusCode);
    }
}
