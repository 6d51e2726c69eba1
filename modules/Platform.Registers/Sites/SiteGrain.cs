using Marten;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Jurisdiction;
using Platform.Registers.Planning;
using Platform.Spatial;

namespace Platform.Registers.Sites;

internal sealed class SiteGrain(IDocumentStore store, IJurisdictionLocator jurisdiction) : Grain, ISiteGrain
{
    private SiteSummary? _site;

    private Guid Id => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await using var query = store.QuerySession();
        _site = await query.LoadAsync<SiteSummary>(Id, cancellationToken);
    }

    public async Task<CommandResult> RegisterAsync(RegisterSite c, CommandContext context)
    {
        if (_site is not null)
            return CommandResult.Refused(409, "id", "The site is already registered.", "该点位已登记。");
        if (await DetailsProblemAsync(c.Name, c.BudgetWan, c.ZoneId) is { } bad)
            return new CommandResult(bad, 0);
        if (c.Status is SiteStatus.Cancelled)
            return CommandResult.Refused(400, "status", "A new site cannot start cancelled.", "新登记点位不能为已取消状态。");
        return await PlacedAsync(c.GeometryWkt, context, new SiteRegistered(c.Name.Trim(), c.Category, c.GeometryWkt, c.Status, c.StatusSince, c.BudgetWan, c.Owner, c.ZoneId));
    }

    public async Task<CommandResult> ChangeStatusAsync(ChangeSiteStatus c, CommandContext context)
    {
        if (_site is null)
            return CommandResult.Refused(404, "id", "No such site.", "找不到该点位。");
        if (!SiteMovesOneStepForwardOrIsCancelledRule.Allows(_site.Status, c.To))
            return CommandResult.Refused(409, "status",
                $"A site that is {_site.Status.Code()} cannot become {c.To.Code()}: sites move one step forward (proposed → approved → under_construction → completed) or are cancelled before completion.",
                $"点位当前为“{_site.Status.NameZh()}”，不能变更为“{c.To.NameZh()}”：须按 拟建→已批复→在建→已建成 逐步推进，或在建成前取消。");
        if (c.EffectiveDate < _site.StatusHistory[^1].Since)
            return CommandResult.Refused(409, "date",
                $"The change cannot take effect before the current status's date {_site.StatusHistory[^1].Since:yyyy-MM-dd}.",
                $"生效日期不能早于当前状态的日期 {_site.StatusHistory[^1].Since:yyyy-MM-dd}。");
        return await AppendAsync(context, new SiteStatusChanged(_site.Status, c.To, c.EffectiveDate));
    }

    public async Task<CommandResult> ReshapeAsync(ReshapeSite c, CommandContext context)
    {
        if (_site is null)
            return CommandResult.Refused(404, "id", "No such site.", "找不到该点位。");
        if (_site.Status is SiteStatus.Cancelled)
            return CommandResult.Refused(409, "status", "A cancelled site is not reshaped.", "已取消的点位不能修改范围。");
        return await PlacedAsync(c.GeometryWkt, context, new SiteReshaped(c.GeometryWkt));
    }

    public async Task<CommandResult> ReviseAsync(ReviseSite c, CommandContext context)
    {
        if (_site is null)
            return CommandResult.Refused(404, "id", "No such site.", "找不到该点位。");
        if (await DetailsProblemAsync(c.Name, c.BudgetWan, c.ZoneId) is { } bad)
            return new CommandResult(bad, 0);
        return await AppendAsync(context, new SiteDetailsRevised(c.Name.Trim(), c.Category, c.BudgetWan, c.Owner, c.ZoneId));
    }

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

    /// <summary>Checks the placement and appends the event as one step among all sites (see <see cref="SitePlacementRules"/>).</summary>
    private async Task<CommandResult> PlacedAsync(string geometryWkt, CommandContext context, object e)
    {
        await SitePlacementRules.WriteLock.WaitAsync();
        try
        {
            if (await SitePlacementRules.CheckAsync(WellKnownText.Read(geometryWkt), Id, store, jurisdiction) is { } placement)
                return new CommandResult(placement, 0);
            return await AppendAsync(context, e);
        }
        finally
        {
            SitePlacementRules.WriteLock.Release();
        }
    }

    private async Task<CommandResult> AppendAsync(CommandContext context, object e)
    {
        await using var session = store.LightweightSession();
        session.AttributeTo(context);
        if (_site is null)
            session.Events.StartStream<SiteSummary>(Id, e);
        else
            session.Events.Append(Id, _site.Version + 1, e);
        await session.SaveChangesAsync();
        _site = await session.LoadAsync<SiteSummary>(Id);
        return CommandResult.Ok(_site!.Version);
    }
}
