using Marten;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Jurisdiction;
using Platform.Registers.Planning;
using Platform.Spatial;

namespace Platform.Registers.Sites;

[GrainType("registers.site")]
internal sealed class SiteGrain(EventWriter writer, IDocumentStore store, IJurisdictionLocator jurisdiction, PlaceMustLieWithinTheStreetTerritoryRule territory) : Grain, ISiteGrain
{
    private Guid Id => this.GetPrimaryKey();

    public Task<CommandResult> RegisterAsync(RegisterSite c, CommandContext context) =>
        PlacedAsync(context, async site =>
            site is not null ? Outcome.Refuse(409, "id", "The site is already registered.", "该点位已登记。")
            : await DetailsProblemAsync(c.Name, c.BudgetWan, c.ZoneId) is { } bad ? bad
            : c.Status is SiteStatus.Cancelled ? Outcome.Refuse(400, "status", "A new site cannot start cancelled.", "新登记点位不能为已取消状态。")
            : await PlacementAsync(c.GeometryWkt, new SiteRegistered(c.Name.Trim(), c.Category, c.GeometryWkt, c.Status, c.StatusSince, c.BudgetWan, c.Owner, c.ZoneId)));

    public Task<CommandResult> ChangeStatusAsync(ChangeSiteStatus c, CommandContext context) =>
        writer.WriteAsync<SiteSummary>(Id, context, site =>
            site is null ? NotFound()
            : !SiteMovesOneStepForwardOrIsCancelledRule.Allows(site.Status, c.To) ? Outcome.Refuse(409, "status",
                $"A site that is {site.Status.Code()} cannot become {c.To.Code()}: sites move one step forward (proposed → approved → under_construction → completed) or are cancelled before completion.",
                $"点位当前为“{site.Status.NameZh()}”，不能变更为“{c.To.NameZh()}”：须按 拟建→已批复→在建→已建成 逐步推进，或在建成前取消。")
            : c.EffectiveDate < site.StatusHistory[^1].Since ? Outcome.Refuse(409, "date",
                $"The change cannot take effect before the current status's date {site.StatusHistory[^1].Since:yyyy-MM-dd}.",
                $"生效日期不能早于当前状态的日期 {site.StatusHistory[^1].Since:yyyy-MM-dd}。")
            : Outcome.Append(new SiteStatusChanged(site.Status, c.To, c.EffectiveDate)));

    public Task<CommandResult> ReshapeAsync(ReshapeSite c, CommandContext context) =>
        PlacedAsync(context, async site =>
            site is null ? NotFound()
            : site.Status is SiteStatus.Cancelled ? Outcome.Refuse(409, "status", "A cancelled site is not reshaped.", "已取消的点位不能修改范围。")
            : await PlacementAsync(c.GeometryWkt, new SiteReshaped(c.GeometryWkt)));

    public Task<CommandResult> ReviseAsync(ReviseSite c, CommandContext context) =>
        writer.WriteAsync<SiteSummary>(Id, context, async site =>
            site is null ? NotFound()
            : await DetailsProblemAsync(c.Name, c.BudgetWan, c.ZoneId) is { } bad ? bad
            : Outcome.Append(new SiteDetailsRevised(c.Name.Trim(), c.Category, c.BudgetWan, c.Owner, c.ZoneId)));

    private static Outcome NotFound() => Outcome.Refuse(404, "id", "No such site.", "找不到该点位。");

    private async Task<Rejection?> DetailsProblemAsync(string name, decimal? budget, Guid? zoneId)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
            return new Rejection(400, "name", "The name is required and at most 100 characters.", "名称必填，且不超过 100 个字符。");
        if (budget is < 0)
            return new Rejection(400, "budgetWan", "The budget cannot be negative.", "投资额不能为负。");
        if (zoneId is { } z)
        {
            await using var query = store.QuerySession();
            if (await query.LoadAsync<PlanningZoneSummary>(z) is null)
                return new Rejection(400, "zoneId", $"No planning zone {z}.", "找不到该规划组团。");
        }
        return null;
    }

    private async Task<Outcome> PlacementAsync(string geometryWkt, object e)
    {
        var geometry = WellKnownText.Read(geometryWkt);
        // Far outside, the refusal says how far; within the margin the site's own stricter rule (inside the territory) speaks.
        return await territory.CheckAsync(geometry) is { } far ? far
            : await SitePlacementRules.CheckAsync(geometry, Id, store, jurisdiction) is { } refused
            ? refused
            : Outcome.Append(e).At(geometry);
    }

    /// <summary>Checks the placement and appends the event as one step among all sites (see <see cref="SitePlacementRules"/>).</summary>
    private async Task<CommandResult> PlacedAsync(CommandContext context, Func<SiteSummary?, Task<Outcome>> decide)
    {
        // Closing the lock's connection ends its session, which releases the lock (after the commit).
        await using var _ = await SitePlacementRules.HoldWriteLockAsync(store);
        return await writer.WriteAsync(Id, context, decide);
    }
}
