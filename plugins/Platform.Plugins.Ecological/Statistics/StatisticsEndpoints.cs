using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Jurisdiction;
using Platform.Plugins.Ecological.Gardens;
using Platform.Plugins.Ecological.Households;
using Platform.Plugins.Ecological.Http;

namespace Platform.Plugins.Ecological.Statistics;

/// <summary>
/// <c>GET /statistics?season=2026</c>: the figures of the annual report per garden, per community and in total —
/// plots and m² laid out, plots and m² claimed, households taking part, by compound. Without <c>season</c> each
/// garden counts its current season. Households appear as counts only.
/// </summary>
internal static class StatisticsEndpoints
{
    public static void MapStatisticsEndpoints(this IEndpointRouteBuilder scene) =>
        scene.MapGet("/statistics", async (string? season, IQuerySession session, IJurisdictionLocator locator, CancellationToken ct) =>
        {
            var gardens = await session.Query<GardenView>().ToListAsync(ct);
            var plots = (await session.Query<PlotView>().ToListAsync(ct)).ToLookup(p => p.GardenId);
            var households = (await session.Query<HouseholdView>().ToListAsync(ct)).ToDictionary(h => h.Id);
            var rows = new List<GardenFigures>();
            foreach (var g in gardens.OrderBy(g => g.Name, StringComparer.Ordinal))
            {
                var used = string.IsNullOrWhiteSpace(season) ? g.SeasonOn(EcoAccess.Today)?.Season : season.Trim();
                var (code, name) = await EcoAccess.CommunityOfAsync(locator, g, EcoAccess.Today, ct);
                var held = used is null ? [] : plots[g.Id].Select(p => (Plot: p, Tenancy: p.HolderIn(used))).Where(x => x.Tenancy is not null)
                    .Select(x => new Holding(x.Plot.AreaSquareMetres, x.Tenancy!.HouseholdId, CompoundOf(households, x.Tenancy.HouseholdId))).ToList();
                rows.Add(new GardenFigures(g, used, code, name, plots[g.Id].ToList(), held, used is null ? 0 : g.WaitingIn(used).Count()));
            }

            // Answered as the object itself (not through Results.Ok), so the API description shows its shape.
            return new
            {
                season = string.IsNullOrWhiteSpace(season) ? null : season.Trim(),
                totals = Totals(rows, households.Count),
                gardens = rows.Select(r => new
                {
                    gardenId = r.Garden.Id,
                    name = r.Garden.Name,
                    kind = r.Garden.Kind,
                    season = r.Season,
                    community = new { code = r.CommunityCode, name = r.CommunityName },
                    areaSquareMetres = r.Garden.AreaSquareMetres,
                    plots = r.Plots.Count,
                    plotSquareMetres = Round(r.Plots.Sum(p => p.AreaSquareMetres)),
                    claimedPlots = r.Held.Count,
                    claimedSquareMetres = Round(r.Held.Sum(h => h.SquareMetres)),
                    freePlots = r.Season is null ? r.Plots.Count : r.Plots.Count(p => p.StatusIn(r.Season) == PlotStatus.Free),
                    households = r.Held.Select(h => h.HouseholdId).Distinct().Count(),
                    waitingHouseholds = r.Waiting,
                    byCompound = ByCompound(r.Held),
                }),
                communities = rows.GroupBy(r => (r.CommunityCode, r.CommunityName)).OrderBy(c => c.Key.CommunityCode, StringComparer.Ordinal).Select(c => new
                {
                    code = c.Key.CommunityCode,
                    name = c.Key.CommunityName,
                    gardens = c.Count(),
                    plots = c.Sum(r => r.Plots.Count),
                    plotSquareMetres = Round(c.Sum(r => r.Plots.Sum(p => p.AreaSquareMetres))),
                    claimedPlots = c.Sum(r => r.Held.Count),
                    claimedSquareMetres = Round(c.Sum(r => r.Held.Sum(h => h.SquareMetres))),
                    claimedSquareMetresByKind = new
                    {
                        edible = Round(c.Where(r => r.Garden.Kind == GardenKinds.Edible).Sum(r => r.Held.Sum(h => h.SquareMetres))),
                        green = Round(c.Where(r => r.Garden.Kind == GardenKinds.Green).Sum(r => r.Held.Sum(h => h.SquareMetres))),
                    },
                    households = c.SelectMany(r => r.Held).Select(h => h.HouseholdId).Distinct().Count(),
                    byCompound = ByCompound(c.SelectMany(r => r.Held).ToList()),
                }),
            };
        });

    private static EcologicalTotals Totals(List<GardenFigures> rows, int registered) => new(
        rows.Count,
        rows.Sum(r => r.Plots.Count),
        Round(rows.Sum(r => r.Plots.Sum(p => p.AreaSquareMetres))),
        rows.Sum(r => r.Held.Count),
        Round(rows.Sum(r => r.Held.Sum(h => h.SquareMetres))),
        rows.SelectMany(r => r.Held).Select(h => h.HouseholdId).Distinct().Count(),
        registered,
        ByCompound(rows.SelectMany(r => r.Held).ToList()));

    private static List<CompoundHoldings> ByCompound(List<Holding> held) =>
        [.. held.GroupBy(h => h.Compound).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new CompoundHoldings(
            g.Key, g.Select(h => h.HouseholdId).Distinct().Count(), g.Count(), Round(g.Sum(h => h.SquareMetres))))];

    private static string CompoundOf(Dictionary<Guid, HouseholdView> households, Guid id) =>
        households.TryGetValue(id, out var h) ? h.Compound : "（未登记）";

    private static double Round(double squareMetres) => Math.Round(squareMetres, 2);

    private sealed record Holding(double SquareMetres, Guid HouseholdId, string Compound);

    /// <summary>The street's totals: gardens, plots and their area, what is claimed, by how many households, per compound.</summary>
    private sealed record EcologicalTotals(int Gardens, int Plots, double PlotSquareMetres, int ClaimedPlots, double ClaimedSquareMetres, int Households,
        int RegisteredHouseholds, List<CompoundHoldings> ByCompound);

    /// <summary>What the households of one compound hold.</summary>
    private sealed record CompoundHoldings(string Compound, int Households, int Plots, double SquareMetres);

    private sealed record GardenFigures(GardenView Garden, string? Season, string? CommunityCode, string? CommunityName, List<PlotView> Plots, List<Holding> Held, int Waiting);
}
