using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Platform.Plugins.Ecological.Tests;

/// <summary>Lottery rounds replay from their recorded seed; released plots go to the waiting list in order.</summary>
[Collection(EcoCollection.Name)]
public sealed class LotteryAndWaitingListTests(EcoHost host)
{
    // 4.5 m × 4.5 m at E 410300, N 3361300 (EPSG:4544), by cs2cs: room for exactly one 16 m² plot.
    private static readonly object OnePlotSite = Eco.Polygon(
        (104.066890481869, 30.368202703821), (104.066937288172, 30.368203038009),
        (104.066936902782, 30.368243624830), (104.066890096460, 30.368243290641));

    [Fact]
    public async Task Lottery_WhenOversubscribed_DrawsWithTheRecordedSeedAndReplaysToTheSameWinners()
    {
        var admin = await host.As("admin");
        var garden = await admin.GardenAsync(ConcurrentClaimTests.Strip20By4, target: 16, path: 1);
        var gardenId = garden.GetProperty("id").GetGuid();
        var plotIds = (await admin.PlotsAsync(gardenId)).Select(p => p.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(4, plotIds.Count);

        var round = await (await admin.PostAsJsonAsync($"{EcoHost.Scene}/gardens/{gardenId}/lottery-rounds", new { season = "2026" })).CreatedAsync();
        var roundId = round.GetProperty("roundId").GetGuid();
        Assert.All(await admin.PlotsAsync(gardenId), p => Assert.Equal("reserved", p.GetProperty("properties").GetProperty("status").GetString()));
        var direct = await admin.PostAsJsonAsync($"{EcoHost.Scene}/plots/{plotIds[0]}/claims", new { householdId = await admin.RegisterAsync("插队者") });
        await direct.ProblemAsync(HttpStatusCode.Conflict, "plotId");

        var entrants = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            var h = await admin.RegisterAsync($"摇号户{i}");
            await (await admin.PostAsJsonAsync($"{EcoHost.Scene}/gardens/{gardenId}/lottery-rounds/{roundId}/entries", new { householdId = h })).CreatedAsync();
            entrants.Add(h);
        }
        const ulong seed = 12345678901234567890UL;
        var drawn = await (await admin.PostAsJsonAsync($"{EcoHost.Scene}/gardens/{gardenId}/lottery-rounds/{roundId}/draw", new { seed = seed.ToString() })).OkAsync();
        var draw = drawn.GetProperty("draw");
        Assert.True(draw.GetProperty("oversubscribed").GetBoolean());
        Assert.Equal(seed.ToString(), draw.GetProperty("seed").GetString());

        // The expected order comes from an implementation of the documented algorithm written here, not from the plugin.
        var expected = ReferenceShuffle(entrants, seed);
        var winners = draw.GetProperty("winners").EnumerateArray().Select(w => w.GetProperty("householdId").GetGuid()).ToList();
        Assert.Equal(expected.Take(4), winners);
        Assert.Equal(plotIds, draw.GetProperty("winners").EnumerateArray().Select(w => w.GetProperty("plotId").GetGuid()));
        Assert.Equal(expected.Skip(4), draw.GetProperty("waitingList").EnumerateArray().Select(w => w.GetGuid()));
        Assert.NotEqual(ReferenceShuffle(entrants, seed + 1).Take(4), winners);

        var replay = await (await admin.GetAsync($"{EcoHost.Scene}/gardens/{gardenId}/lottery-rounds/{roundId}/replay")).OkAsync();
        Assert.True(replay.GetProperty("matches").GetBoolean());
        Assert.Equal(winners, replay.GetProperty("replayedWinners").EnumerateArray().Select(w => w.GetProperty("householdId").GetGuid()));

        Assert.All(await admin.PlotsAsync(gardenId), p => Assert.Equal("claimed", p.GetProperty("properties").GetProperty("status").GetString()));
        var waiting = await (await admin.GetAsync($"{EcoHost.Scene}/gardens/{gardenId}/waiting-list?season=2026")).OkAsync();
        Assert.Equal(expected.Skip(4), waiting.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("householdId").GetGuid()));

        await using var connection = new NpgsqlConnection(host.Factory.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "select data::text from platform.mt_events where stream_id = @garden and type = 'eco.lottery_drawn'", connection);
        query.Parameters.AddWithValue("garden", gardenId);
        var recorded = JsonDocument.Parse((string)(await query.ExecuteScalarAsync())!).RootElement;
        Assert.Equal(seed, Property(recorded, "seed").GetUInt64());
        Assert.Equal(entrants, Property(recorded, "entrants").EnumerateArray().Select(e => e.GetGuid()));
    }

    [Fact]
    public async Task ReleasedPlot_IsOfferedToTheFirstOnTheWaitingList_ThenTheNext()
    {
        var admin = await host.As("admin");
        var garden = await admin.GardenAsync(OnePlotSite, target: 16, path: 1);
        var gardenId = garden.GetProperty("id").GetGuid();
        var plotId = Assert.Single(await admin.PlotsAsync(gardenId)).GetProperty("id").GetGuid();
        var (holder, first, second) = (await admin.RegisterAsync("甲"), await admin.RegisterAsync("乙"), await admin.RegisterAsync("丙"));
        await (await admin.PostAsJsonAsync($"{EcoHost.Scene}/plots/{plotId}/claims", new { householdId = holder })).CreatedAsync();
        foreach (var h in new[] { first, second })
            await (await admin.PostAsJsonAsync($"{EcoHost.Scene}/gardens/{gardenId}/waiting-list", new { householdId = h })).CreatedAsync();

        var released = await (await admin.PostAsJsonAsync($"{EcoHost.Scene}/plots/{plotId}/release", new { householdId = holder })).OkAsync();
        Assert.True(released.GetProperty("offeredToWaitingList").GetBoolean());
        var plot = await (await admin.GetAsync($"{EcoHost.Scene}/plots/{plotId}")).OkAsync();
        Assert.Equal("offered", plot.GetProperty("properties").GetProperty("status").GetString());
        Assert.True(plot.GetProperty("properties").GetProperty("offerDeadline").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(71));

        // Only the household it is offered to may take it.
        await (await admin.PostAsJsonAsync($"{EcoHost.Scene}/plots/{plotId}/claims", new { householdId = second })).ProblemAsync(HttpStatusCode.Conflict, "plotId");
        await (await admin.PostAsJsonAsync($"{EcoHost.Scene}/plots/{plotId}/offer/decline", new { householdId = first })).OkAsync();
        plot = await (await admin.GetAsync($"{EcoHost.Scene}/plots/{plotId}")).OkAsync();
        Assert.Equal("offered", plot.GetProperty("properties").GetProperty("status").GetString());
        await (await admin.PostAsJsonAsync($"{EcoHost.Scene}/plots/{plotId}/offer/accept", new { householdId = first })).ProblemAsync(HttpStatusCode.Conflict, "householdId");
        await (await admin.PostAsJsonAsync($"{EcoHost.Scene}/plots/{plotId}/offer/accept", new { householdId = second })).CreatedAsync();

        plot = await (await admin.GetAsync($"{EcoHost.Scene}/plots/{plotId}")).OkAsync();
        Assert.Equal("claimed", plot.GetProperty("properties").GetProperty("status").GetString());
        var tenancies = await (await admin.GetAsync($"{EcoHost.Scene}/gardens/{gardenId}/tenancies")).OkAsync();
        Assert.Equal(second, Assert.Single(tenancies.EnumerateArray().ToList()).GetProperty("householdId").GetGuid());
        var waiting = await (await admin.GetAsync($"{EcoHost.Scene}/gardens/{gardenId}/waiting-list")).OkAsync();
        Assert.Equal(0, waiting.GetProperty("length").GetInt32());
    }

    [Fact]
    public async Task TransferAndRenewal_MoveTheTenancyAndKeepOnePlotPerSeason()
    {
        var admin = await host.As("admin");
        var garden = await admin.GardenAsync(OnePlotSite, target: 16, path: 1, seasons: new[]
        {
            new { season = "2026", startsOn = "2026-01-01", endsOn = "2026-12-31" },
            new { season = "2027", startsOn = "2027-01-01", endsOn = "2027-12-31" },
        });
        var gardenId = garden.GetProperty("id").GetGuid();
        var plotId = Assert.Single(await admin.PlotsAsync(gardenId)).GetProperty("id").GetGuid();
        var (a, b) = (await admin.RegisterAsync("转出户"), await admin.RegisterAsync("转入户"));
        await (await admin.PostAsJsonAsync($"{EcoHost.Scene}/plots/{plotId}/claims", new { householdId = a, season = "2026" })).CreatedAsync();
        await (await admin.PostAsJsonAsync($"{EcoHost.Scene}/plots/{plotId}/transfer", new { fromHouseholdId = a, toHouseholdId = b, season = "2026" })).OkAsync();
        await (await admin.PostAsJsonAsync($"{EcoHost.Scene}/plots/{plotId}/renewals", new { householdId = a, fromSeason = "2026", season = "2027" })).ProblemAsync(HttpStatusCode.Conflict, "householdId");
        await (await admin.PostAsJsonAsync($"{EcoHost.Scene}/plots/{plotId}/renewals", new { householdId = b, fromSeason = "2026", season = "2027" })).CreatedAsync();
        Assert.Equal("claimed", Assert.Single(await admin.PlotsAsync(gardenId, "2027")).GetProperty("properties").GetProperty("status").GetString());
        // The former holder is free again for 2026: it may queue for it.
        await (await admin.PostAsJsonAsync($"{EcoHost.Scene}/gardens/{gardenId}/waiting-list", new { householdId = a, season = "2026" })).CreatedAsync();
        await (await admin.PostAsJsonAsync($"{EcoHost.Scene}/gardens/{gardenId}/waiting-list", new { householdId = b, season = "2026" })).ProblemAsync(HttpStatusCode.Conflict, "householdId");
    }

    private static JsonElement Property(JsonElement e, string camel) =>
        e.TryGetProperty(camel, out var v) ? v : e.GetProperty(char.ToUpperInvariant(camel[0]) + camel[1..]);

    /// <summary>SplitMix64 (Steele, Lea, Flood 2014) driving a Fisher–Yates shuffle from the last index down, indices drawn by rejection.</summary>
    private static List<Guid> ReferenceShuffle(IReadOnlyList<Guid> items, ulong seed)
    {
        var a = items.ToList();
        var state = seed;
        ulong Next()
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
        for (var i = a.Count - 1; i > 0; i--)
        {
            var n = (ulong)(i + 1);
            var limit = ulong.MaxValue - ulong.MaxValue % n;
            ulong r;
            do r = Next(); while (r >= limit);
            var j = (int)(r % n);
            (a[i], a[j]) = (a[j], a[i]);
        }
        return a;
    }
}
