using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Host.Tests.Linkage;

[Collection(LinkageCollection.Name)]
public sealed class TourTests(LinkageHost host)
{
    /// <summary>
    /// The six demo sites: every pairwise walking distance is asked of the API with two-stop tours (one leg, no ordering
    /// involved), then the test tries all 5! orders from the first site itself and compares the best with the six-stop plan.
    /// </summary>
    [Fact]
    public async Task SixStops_AreVisitedInTheOrderBruteForceFindsShortest()
    {
        var planner = await host.As("planner");
        var sites = (await (await planner.GetAsync("/api/linkage/demonstration-sites?year=2026")).JsonAsync(HttpStatusCode.OK))
            .EnumerateArray().Select(s => s.GetProperty("id").GetString()!).Take(6).ToList();
        Assert.Equal(6, sites.Count);
        var d = new double[6, 6];
        for (var i = 0; i < 6; i++)
            for (var j = i + 1; j < 6; j++)
            {
                var pair = await (await planner.PostAsJsonAsync("/api/linkage/tours", new { siteIds = new[] { sites[i], sites[j] } })).JsonAsync(HttpStatusCode.OK);
                d[i, j] = d[j, i] = pair.GetProperty("metres").GetDouble();
                Assert.True(d[i, j] > 0);
            }

        var best = double.PositiveInfinity;
        foreach (var order in Permutations([1, 2, 3, 4, 5]))
        {
            var length = d[0, order[0]];
            for (var k = 1; k < order.Count; k++)
                length += d[order[k - 1], order[k]];
            best = Math.Min(best, length);
        }

        var tour = await (await planner.PostAsJsonAsync("/api/linkage/tours", new { siteIds = sites })).JsonAsync(HttpStatusCode.OK);
        Assert.True(tour.GetProperty("exact").GetBoolean());
        var visited = tour.GetProperty("sites").EnumerateArray().Select(s => sites.IndexOf(s.GetProperty("id").GetString()!)).ToList();
        Assert.Equal(0, visited[0]);
        Assert.Equal(6, visited.Distinct().Count());
        var walked = visited.Zip(visited.Skip(1), (a, b) => d[a, b]).Sum();
        Assert.Equal(best, walked, 0.5);
        Assert.Equal(best, tour.GetProperty("metres").GetDouble(), 0.5);
        Assert.Equal(Math.Round(best / 75, 1), tour.GetProperty("minutes").GetDouble(), 0.15);
        Assert.StartsWith("/api/maps/print?", tour.GetProperty("printUrl").GetString());
    }

    [Fact]
    public async Task ATourOfOneSiteOrAnUnknownOne_IsAProblem()
    {
        var planner = await host.As("planner");
        await (await planner.PostAsJsonAsync("/api/linkage/tours", new { siteIds = new[] { Guid.NewGuid() } })).ProblemAsync(HttpStatusCode.BadRequest, "siteIds");
        await (await planner.PostAsJsonAsync("/api/linkage/tours", new { siteIds = new[] { Guid.NewGuid(), Guid.NewGuid() } })).ProblemAsync(HttpStatusCode.NotFound, "siteIds");
    }

    private static IEnumerable<List<int>> Permutations(List<int> items)
    {
        if (items.Count == 1)
        {
            yield return items;
            yield break;
        }
        foreach (var first in items)
            foreach (var rest in Permutations(items.Where(x => x != first).ToList()))
                yield return [first, .. rest];
    }
}
