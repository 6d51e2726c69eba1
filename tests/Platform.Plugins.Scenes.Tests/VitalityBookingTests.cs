using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;
using static Platform.Plugins.Scenes.Tests.VitalityTools;

namespace Platform.Plugins.Scenes.Tests;

[Collection(ScenesCollection.Name)]
public sealed class VitalityBookingTests(PlatformFixture fixture)
{
    [Fact]
    public async Task Fifty_concurrent_overlapping_bookings_one_succeeds_and_the_rest_name_it()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var venue = await NewVenueAsync(admin, "并发预约测试架空层");
        // Fifty windows of an hour, each a minute later than the one before: every two of them overlap.
        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            admin.PostAsJsonAsync($"{Scene}/venues/{venue}/bookings", new { start = At(3, 10, i), end = At(3, 11, i), purpose = $"并发预约{i}" })));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.Equal(49, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        var winner = (await answers.Single(a => a.StatusCode == HttpStatusCode.Created).JsonAsync()).GetProperty("bookingIds")[0].GetString()!;
        foreach (var refused in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = await refused.JsonAsync();
            Assert.Equal("start", problem.GetProperty("field").GetString());
            Assert.Contains(winner, problem.GetProperty("detail").GetString());
            Assert.Contains(winner, problem.GetProperty("detailZh").GetString());
        }
        var held = Assert.Single(await BookingsAsync(admin, venue));
        Assert.Equal(winner, held.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("2026-12-20T10:00:00", "2026-12-20T11:00:00+08:00", "start")]
    [InlineData("2026-12-20T10:00:00+08:00", "2026-12-20T11:00", "end")]
    [InlineData("下周三上午", "2026-12-20T11:00:00+08:00", "start")]
    public async Task A_time_without_an_offset_is_refused_naming_the_field_and_nothing_is_written(string start, string end, string field)
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var venue = await NewVenueAsync(admin, $"时区测试架空层{field}{start.Length}");
        var response = await admin.PostAsJsonAsync($"{Scene}/venues/{venue}/bookings", new { start, end, purpose = "无时区" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, await response.FieldAsync());
        Assert.Empty(await BookingsAsync(admin, venue));
    }

    [Fact]
    public async Task Bookings_outside_opening_hours_or_too_long_are_refused_and_the_same_hour_in_utc_counts_as_shanghai_time()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var venue = await NewVenueAsync(admin, "开放时间测试架空层", maxMinutes: 120);
        async Task<(HttpStatusCode, string?)> Book(string start, string end)
        {
            var r = await admin.PostAsJsonAsync($"{Scene}/venues/{venue}/bookings", new { start, end, purpose = "开放时间" });
            return (r.StatusCode, r.StatusCode == HttpStatusCode.Created ? null : await r.FieldAsync());
        }
        Assert.Equal((HttpStatusCode.BadRequest, "start"), await Book(At(4, 7, 30), At(4, 8, 30)));   // opens 08:00
        Assert.Equal((HttpStatusCode.BadRequest, "start"), await Book(At(4, 20, 30), At(4, 21, 30))); // closes 21:00
        Assert.Equal((HttpStatusCode.BadRequest, "end"), await Book(At(4, 9), At(4, 11, 1)));         // 121 minutes
        // 01:00Z is 09:00 in Shanghai: within the hours. 23:00Z is 07:00 the next morning there: before opening.
        var day = DateTime.UtcNow.Date.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((HttpStatusCode.Created, null), await Book($"{day}T01:00:00Z", $"{day}T02:00:00Z"));
        Assert.Equal((HttpStatusCode.BadRequest, "start"), await Book($"{day}T23:00:00Z", $"{day}T23:30:00Z"));
        Assert.Single(await BookingsAsync(admin, venue));
    }

    [Fact]
    public async Task A_venue_that_needs_approval_holds_a_workers_booking_pending_until_an_administrator_approves()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var worker = await fixture.Factory.ClientForAsync("worker");
        var venue = await NewVenueAsync(admin, "审批测试瑜伽室", approval: true);
        var booked = await worker.PostAsJsonAsync($"{Scene}/venues/{venue}/bookings", new { start = At(6, 9), end = At(6, 10), purpose = "瑜伽课" });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var answer = await booked.JsonAsync();
        Assert.Equal("pending", answer.GetProperty("status").GetString());
        var id = answer.GetProperty("bookingIds")[0].GetString();
        // A pending booking holds its time.
        var overlapping = await admin.PostAsJsonAsync($"{Scene}/venues/{venue}/bookings", new { start = At(6, 9, 30), end = At(6, 10, 30), purpose = "另一课" });
        Assert.Equal(HttpStatusCode.Conflict, overlapping.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsync($"{Scene}/venues/{venue}/bookings/{id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"{Scene}/venues/{venue}/bookings/{id}/approve", null)).StatusCode);
        Assert.Equal("confirmed", (await BookingsAsync(admin, venue)).Single().GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_weekly_series_is_booked_whole_or_not_at_all_and_cancelled_from_an_occurrence_on()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var venue = await NewVenueAsync(admin, "系列预约测试架空层");
        var existing = await BookAsync(admin, venue, At(21, 19), At(21, 20), "已有预约");
        var clash = await admin.PostAsJsonAsync($"{Scene}/venues/{venue}/bookings",
            new { start = At(7, 19, 30), end = At(7, 20, 30), purpose = "合唱排练", repeat = new { frequency = "weekly", count = 4 } });
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Contains(existing, (await clash.JsonAsync()).GetProperty("detail").GetString());
        Assert.Single(await BookingsAsync(admin, venue));

        var series = await admin.PostAsJsonAsync($"{Scene}/venues/{venue}/bookings",
            new { start = At(7, 17), end = At(7, 18), purpose = "合唱排练", repeat = new { frequency = "weekly", count = 4 } });
        Assert.Equal(HttpStatusCode.Created, series.StatusCode);
        var ids = (await series.JsonAsync()).GetProperty("bookingIds").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(4, ids.Count);
        var bookings = await BookingsAsync(admin, venue);
        Assert.Equal(5, bookings.Count);
        var starts = bookings.Where(b => ids.Contains(b.GetProperty("id").GetString()!)).Select(b => b.GetProperty("start").GetDateTimeOffset()).Order().ToList();
        Assert.All(starts.Skip(1).Zip(starts), p => Assert.Equal(TimeSpan.FromDays(7), p.First - p.Second));

        var cancel = await admin.PostAsJsonAsync($"{Scene}/venues/{venue}/bookings/{ids[1]}/cancel", new { wholeSeries = true, reason = "场地维修" });
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var after = (await BookingsAsync(admin, venue)).ToDictionary(b => b.GetProperty("id").GetString()!, b => b.GetProperty("status").GetString());
        Assert.Equal(["confirmed", "cancelled", "cancelled", "cancelled"], ids.Select(i => after[i]));
        // The freed time can be booked again.
        await BookAsync(admin, venue, At(14, 17), At(14, 18), "补订");
    }

    [Fact]
    public async Task The_venues_are_listed_with_the_beixinyuan_rooms_and_on_the_map_with_their_occupancy()
    {
        using var client = fixture.Factory.CreateClient();
        var venues = (await client.GetFromJsonAsync<JsonElement>($"{Scene}/venues")).EnumerateArray().ToList();
        var yoga = venues.Single(v => v.GetProperty("name").GetString() == "北鑫苑综合体 瑜伽室");
        Assert.Equal("北鑫苑综合体", yoga.GetProperty("hub").GetString());
        Assert.True(yoga.GetProperty("approvalRequired").GetBoolean());
        Assert.Equal("09:00", yoga.GetProperty("opens").GetString());
        Assert.Contains(venues, v => v.GetProperty("name").GetString() == "北鑫苑综合体 健身房");
        Assert.Contains(venues, v => v.GetProperty("kind").GetString() == "ground_floor");
        Assert.Contains(venues, v => v.GetProperty("kind").GetString() == "square");

        // Occupancy on the map: a venue booked 10:00–13:00 of 08:00–21:00 is 3/13 ≈ 23 % occupied that day.
        var admin = await fixture.Factory.ClientForAsync("admin");
        var venue = await NewVenueAsync(admin, "占用率测试架空层", maxMinutes: 180);
        await BookAsync(admin, venue, At(9, 10), At(9, 13));
        var day = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Date.AddDays(9).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var features = (await client.GetFromJsonAsync<JsonElement>($"/ogc/collections/vitality-venues/items?datetime={day}&limit=1000")).GetProperty("features").EnumerateArray();
        var mine = features.Single(f => f.GetProperty("properties").GetProperty("name").GetString() == "占用率测试架空层").GetProperty("properties");
        Assert.Equal(1, mine.GetProperty("bookings").GetInt32());
        Assert.Equal(23, mine.GetProperty("occupancyPercent").GetInt32());
    }

    [Fact]
    public async Task The_venue_calendar_feed_parses_with_python_icalendar_and_shows_shanghai_times_without_bookers()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var venue = await NewVenueAsync(admin, "日历测试架空层");
        await BookAsync(admin, venue, At(8, 14), At(8, 15, 30), "书法体验");
        using var anonymous = fixture.Factory.CreateClient();
        var response = await anonymous.GetAsync($"{Scene}/calendar.ics?venue={venue}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("admin", ics);
        var events = await ParseAsync(ics);
        var e = Assert.Single(events);
        Assert.Contains("书法体验", e.Summary);
        Assert.Equal("Asia/Shanghai", e.Zone);
        Assert.Equal(At(8, 14)[..19], e.Start);
        Assert.Equal(At(8, 15, 30)[..19], e.End);
    }

    internal sealed record IcsEvent(string Summary, string Start, string End, string Zone);

    /// <summary>Reads VEVENTs with Debian's python3-icalendar (RFC 5545), not with the library that wrote them.</summary>
    internal static async Task<List<IcsEvent>> ParseAsync(string ics)
    {
        var file = Path.Combine(Path.GetTempPath(), $"vitality-{Guid.NewGuid():N}.ics");
        await File.WriteAllTextAsync(file, ics);
        const string script = """
            import sys, json, icalendar
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            out = []
            for ev in cal.walk('VEVENT'):
                s, e = ev.decoded('DTSTART'), ev.decoded('DTEND')
                out.append({'summary': str(ev.get('SUMMARY')), 'start': s.strftime('%Y-%m-%dT%H:%M:%S'), 'end': e.strftime('%Y-%m-%dT%H:%M:%S'),
                            'zone': str(ev['DTSTART'].params.get('TZID')), 'offset': s.utcoffset().total_seconds()})
            assert any(tz.get('TZID') == 'Asia/Shanghai' for tz in cal.walk('VTIMEZONE')), 'no VTIMEZONE'
            print(json.dumps(out, ensure_ascii=False))
            """;
        var (code, output, error) = await RunAsync("/usr/bin/python3", "-c", script, file);
        File.Delete(file);
        Assert.True(code == 0, error);
        return JsonSerializer.Deserialize<List<JsonElement>>(output)!.Select(x =>
        {
            Assert.Equal(8 * 3600, x.GetProperty("offset").GetDouble());
            return new IcsEvent(x.GetProperty("summary").GetString()!, x.GetProperty("start").GetString()!, x.GetProperty("end").GetString()!, x.GetProperty("zone").GetString()!);
        }).ToList();
    }
}
