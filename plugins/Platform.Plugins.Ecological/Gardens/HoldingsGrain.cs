using Marten;
using Platform.Abstractions.Commands;
using Platform.Plugins.Ecological.Households;

namespace Platform.Plugins.Ecological.Gardens;

/// <summary>
/// Which plot a household holds per season: the in-flight guard while a plot grain appends a claim. Seeded from the
/// committed tenancies at activation; whether the household is registered is read from its register until it is.
/// </summary>
[GrainType("ecological.holdings")]
internal sealed class HoldingsGrain(IDocumentStore store) : Grain, IHoldingsGrain
{
    private readonly Dictionary<string, Guid> _holdings = [];
    private bool _registered;

    private Guid Id => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await using var query = store.QuerySession();
        _registered = await query.LoadAsync<HouseholdView>(Id, cancellationToken) is not null;
        var id = Id;
        var plots = await query.Query<PlotView>().Where(p => p.Tenancies.Any(t => t.HouseholdId == id)).ToListAsync(cancellationToken);
        foreach (var plot in plots)
        {
            foreach (var tenancy in plot.Tenancies.Where(t => t.HouseholdId == id))
                _holdings[tenancy.Season] = plot.Id;
        }
    }

    public async Task<Rejection?> HoldAsync(string season, Guid plotId)
    {
        if (!await IsRegisteredAsync())
            return new Rejection(404, "householdId", "No household is registered under this id.", "未找到该住户的报名登记。");
        if (_holdings.TryGetValue(season, out var held) && held != plotId)
        {
            return new Rejection(409, "householdId",
                $"This household already holds a plot in season {season}: one plot per household per season.",
                $"该住户在 {season} 季已认领一块地：每户每季限认领一块。");
        }
        _holdings[season] = plotId;
        return null;
    }

    public Task LetGoAsync(string season, Guid plotId)
    {
        if (_holdings.TryGetValue(season, out var held) && held == plotId)
            _holdings.Remove(season);
        return Task.CompletedTask;
    }

    public async Task<HouseholdStanding> StandingAsync(string season) =>
        new(await IsRegisteredAsync(), _holdings.TryGetValue(season, out var plot) ? plot : null);

    // Registration is written by the household's own grain; once seen it stays true (households are not deregistered).
    private async Task<bool> IsRegisteredAsync()
    {
        if (_registered)
            return true;
        await using var query = store.QuerySession();
        return _registered = await query.LoadAsync<HouseholdView>(Id) is not null;
    }
}
