using Marten;
using Platform.Abstractions.Commands;
using Platform.Plugins.Ecological.Plots;

namespace Platform.Plugins.Ecological.Households;

[GrainType("ecological.household")]
internal sealed class HouseholdGrain(EventWriter writer, IDocumentStore store, TimeProvider clock) : Grain, IHouseholdGrain
{
    // Which plot the household holds per season: the in-flight guard of "one plot per household per season" while
    // a plot grain appends a claim. Seeded from the committed tenancies at activation.
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

    public async Task<CommandResult> RegisterAsync(RegisterHousehold command, CommandContext context)
    {
        var result = await writer.WriteAsync<HouseholdView>(Id, context, household =>
            household is not null
                ? Outcome.Refuse(409, "householdId", "This household is already registered.", "该住户已报名登记。")
                : Outcome.Append(new HouseholdRegistered(command.Householder, command.Compound, command.CompoundId, command.Contact,
                    command.Members, context.UserId, clock.GetUtcNow())), WriteAccess.Participation);
        _registered |= result.Accepted;
        return result;
    }

    public Task<Rejection?> HoldAsync(string season, Guid plotId)
    {
        if (!_registered)
            return Task.FromResult<Rejection?>(new Rejection(404, "householdId", "No household is registered under this id.", "未找到该住户的报名登记。"));
        if (_holdings.TryGetValue(season, out var held) && held != plotId)
        {
            return Task.FromResult<Rejection?>(new Rejection(409, "householdId",
                $"This household already holds a plot in season {season}: one plot per household per season.",
                $"该住户在 {season} 季已认领一块地：每户每季限认领一块。"));
        }
        _holdings[season] = plotId;
        return Task.FromResult<Rejection?>(null);
    }

    public Task LetGoAsync(string season, Guid plotId)
    {
        if (_holdings.TryGetValue(season, out var held) && held == plotId)
            _holdings.Remove(season);
        return Task.CompletedTask;
    }

    public Task<HouseholdStanding> StandingAsync(string season) =>
        Task.FromResult(new HouseholdStanding(_registered, _holdings.TryGetValue(season, out var plot) ? plot : null));
}
