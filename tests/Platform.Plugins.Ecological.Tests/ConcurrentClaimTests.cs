using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Platform.Plugins.Ecological.Tests;

/// <summary>Exactly one of many simultaneous claims of one plot wins: the plot's grain is its single writer.</summary>
[Collection(EcoCollection.Name)]
public sealed class ConcurrentClaimTests(EcoHost host)
{
    // 20 m × 4 m at E 410200, N 3361200 (EPSG:4544), corners by cs2cs: four 4 m squares with 1 m paths.
    public static readonly object Strip20By4 = Eco.Polygon(
        (104.065858915996, 30.367293343938), (104.066066942029, 30.367294830694),
        (104.066066599153, 30.367330907864), (104.065858573044, 30.367329421107));

    [Fact]
    public async Task HundredConcurrentClaims_OfOnePlot_OneWinsNinetyNineAreRefused()
    {
        var admin = await host.As("admin");
        var garden = await admin.GardenAsync(Strip20By4, target: 16, path: 1);
        var plotId = (await admin.PlotsAsync(garden.GetProperty("id").GetGuid()))[0].GetProperty("id").GetGuid();
        var households = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => admin.RegisterAsync($"住户{i}")));

        using var start = new ManualResetEventSlim();
        var claims = households.Select(h => Task.Run(async () =>
        {
            start.Wait();
            return await admin.PostAsJsonAsync($"{EcoHost.Scene}/plots/{plotId}/claims", new { householdId = h });
        })).ToList();
        start.Set();
        var responses = await Task.WhenAll(claims);

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        Assert.Equal(99, refused.Count);
        foreach (var r in refused)
        {
            var problem = await r.ProblemAsync(HttpStatusCode.Conflict, "plotId");
            Assert.Contains("already claimed", problem.GetProperty("detail").GetString());
        }

        await using var connection = new NpgsqlConnection(host.Factory.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "select count(*) from platform.mt_events where stream_id = @plot and type = 'eco.plot_claimed'", connection);
        count.Parameters.AddWithValue("plot", plotId);
        Assert.Equal(1L, (long)(await count.ExecuteScalarAsync())!);

        var plot = await (await admin.GetAsync($"{EcoHost.Scene}/plots/{plotId}")).OkAsync();
        Assert.Equal("claimed", plot.GetProperty("properties").GetProperty("status").GetString());
    }

    [Fact]
    public async Task ASecondPlot_ForTheSameHouseholdAndSeason_IsRefused()
    {
        var admin = await host.As("admin");
        var garden = await admin.GardenAsync(Strip20By4, target: 16, path: 1);
        var plots = await admin.PlotsAsync(garden.GetProperty("id").GetGuid());
        var household = await admin.RegisterAsync("一户一地");
        await (await admin.PostAsJsonAsync($"{EcoHost.Scene}/plots/{plots[0].GetProperty("id").GetGuid()}/claims", new { householdId = household })).CreatedAsync();
        var second = await admin.PostAsJsonAsync($"{EcoHost.Scene}/plots/{plots[1].GetProperty("id").GetGuid()}/claims", new { householdId = household });
        var problem = await second.ProblemAsync(HttpStatusCode.Conflict, "householdId");
        Assert.Contains("one plot per household per season", problem.GetProperty("detail").GetString());
    }
}
