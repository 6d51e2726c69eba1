using Marten;
using Platform.Abstractions.Commands;
using Platform.Plugins.Ecological.Households;

namespace Platform.Plugins.Ecological.Plots;

internal sealed class PlotGrain(IDocumentStore store, IGrainFactory grains, TimeProvider clock) : Grain, IPlotGrain
{
    private PlotView? _plot;
    private long _version;

    private Guid Id => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await using var query = store.QuerySession();
        _plot = await query.LoadAsync<PlotView>(Id, cancellationToken);
        _version = (await query.Events.FetchStreamStateAsync(Id, cancellationToken))?.Version ?? 0;
    }

    public async Task<CommandResult> ClaimAsync(Guid householdId, string season, CommandContext context)
    {
        if (Unknown() is { } unknown)
            return unknown;
        var plot = _plot!;
        var source = "claim";
        switch (plot.StatusIn(season))
        {
            case PlotStatus.Claimed:
                return Conflict("plotId", $"Plot {plot.Number} is already claimed for season {season}.", $"{plot.Number} 号地块本季（{season}）已被认领。");
            case PlotStatus.Reserved:
                return Conflict("plotId", $"Plot {plot.Number} is reserved for a lottery round of season {season}; enter the round instead.", $"{plot.Number} 号地块已纳入本季摇号，请参加摇号。");
            case PlotStatus.Offered when plot.Offer!.HouseholdId != householdId:
                return Conflict("plotId", $"Plot {plot.Number} is offered to the next household on the waiting list until {plot.Offer.Deadline:u}.", $"{plot.Number} 号地块正在递补给候补名单上的住户。");
            case PlotStatus.Offered:
                source = "offer";
                break;
        }
        return await TakeAsync(householdId, season, source, null, context);
    }

    public async Task<CommandResult> AssignAsync(Guid householdId, string season, Guid roundId, CommandContext context)
    {
        if (Unknown() is { } unknown)
            return unknown;
        if (_plot!.Reservation is not { } r || r.RoundId != roundId)
            return Conflict("plotId", $"Plot {_plot.Number} is not reserved for this lottery round.", $"{_plot.Number} 号地块未纳入该轮摇号。");
        return await TakeAsync(householdId, season, "lottery", roundId, context);
    }

    public async Task<CommandResult> ReleaseAsync(Guid householdId, string season, CommandContext context)
    {
        if (Unknown() is { } unknown)
            return unknown;
        if (_plot!.HolderIn(season) is not { } tenancy || tenancy.HouseholdId != householdId)
            return Conflict("householdId", $"This household does not hold plot {_plot.Number} in season {season}.", $"该住户本季未认领 {_plot.Number} 号地块。");
        var result = await AppendAsync(context, new PlotReleased(season, householdId, clock.GetUtcNow()));
        await grains.GetGrain<IHouseholdGrain>(householdId).LetGoAsync(season, Id);
        return result;
    }

    public async Task<CommandResult> TransferAsync(Guid fromHouseholdId, Guid toHouseholdId, string season, CommandContext context)
    {
        if (Unknown() is { } unknown)
            return unknown;
        if (_plot!.HolderIn(season) is not { } tenancy || tenancy.HouseholdId != fromHouseholdId)
            return Conflict("fromHouseholdId", $"This household does not hold plot {_plot.Number} in season {season}.", $"转出住户本季未认领 {_plot.Number} 号地块。");
        if (fromHouseholdId == toHouseholdId)
            return CommandResult.Refused(400, "toHouseholdId", "A plot cannot be transferred to the household that holds it.", "不能转让给当前认领住户。");
        var to = grains.GetGrain<IHouseholdGrain>(toHouseholdId);
        if (await to.HoldAsync(season, Id) is { } refused)
            return new CommandResult(refused with { Field = "toHouseholdId" }, 0);
        try
        {
            var result = await AppendAsync(context, new PlotTransferred(season, fromHouseholdId, toHouseholdId, clock.GetUtcNow()));
            await grains.GetGrain<IHouseholdGrain>(fromHouseholdId).LetGoAsync(season, Id);
            return result;
        }
        catch
        {
            await to.LetGoAsync(season, Id);
            throw;
        }
    }

    public async Task<CommandResult> RenewAsync(Guid householdId, string fromSeason, string toSeason, CommandContext context)
    {
        if (Unknown() is { } unknown)
            return unknown;
        var plot = _plot!;
        if (plot.HolderIn(fromSeason) is not { } tenancy || tenancy.HouseholdId != householdId)
            return Conflict("householdId", $"Only the household holding plot {plot.Number} in season {fromSeason} can renew it.", $"只有 {fromSeason} 季认领 {plot.Number} 号地块的住户可以续期。");
        if (plot.StatusIn(toSeason) != PlotStatus.Free)
            return Conflict("season", $"Plot {plot.Number} is not free in season {toSeason} ({plot.StatusIn(toSeason)}).", $"{plot.Number} 号地块在 {toSeason} 季已不空闲。");
        var household = grains.GetGrain<IHouseholdGrain>(householdId);
        if (await household.HoldAsync(toSeason, Id) is { } refused)
            return new CommandResult(refused, 0);
        try
        {
            return await AppendAsync(context, new PlotRenewed(fromSeason, toSeason, householdId, clock.GetUtcNow()));
        }
        catch
        {
            await household.LetGoAsync(toSeason, Id);
            throw;
        }
    }

    public async Task<CommandResult> OfferAsync(Guid householdId, string season, DateTimeOffset deadline, CommandContext context)
    {
        if (Unknown() is { } unknown)
            return unknown;
        if (_plot!.StatusIn(season) != PlotStatus.Free)
            return Conflict("plotId", $"Plot {_plot.Number} is not free in season {season}.", $"{_plot.Number} 号地块本季不空闲。");
        return await AppendAsync(context, new PlotOffered(season, householdId, deadline));
    }

    public async Task<CommandResult> LapseOfferAsync(Guid? householdId, CommandContext context)
    {
        if (Unknown() is { } unknown)
            return unknown;
        if (_plot!.Offer is not { } offer)
            return Conflict("plotId", $"Plot {_plot.Number} has no open offer.", $"{_plot.Number} 号地块没有待确认的递补。");
        if (householdId is { } h && h != offer.HouseholdId)
            return Conflict("householdId", "The plot is not offered to this household.", "该地块未递补给该住户。");
        var now = clock.GetUtcNow();
        if (householdId is null && now < offer.Deadline)
            return Conflict("plotId", $"The offer of plot {_plot.Number} runs until {offer.Deadline:u}.", "递补确认期限未到。");
        return await AppendAsync(context, new PlotOfferLapsed(offer.Season, offer.HouseholdId, householdId is null, now));
    }

    public async Task<CommandResult> ReserveAsync(Guid roundId, string season, CommandContext context)
    {
        if (Unknown() is { } unknown)
            return unknown;
        if (_plot!.StatusIn(season) != PlotStatus.Free || _plot.Reservation is not null)
            return Conflict("plotId", $"Plot {_plot.Number} is not free in season {season}.", $"{_plot.Number} 号地块本季不空闲。");
        return await AppendAsync(context, new PlotReserved(roundId, season));
    }

    public async Task<CommandResult> LiftReservationAsync(Guid roundId, CommandContext context)
    {
        if (Unknown() is { } unknown)
            return unknown;
        if (_plot!.Reservation is not { } r || r.RoundId != roundId)
            return Conflict("plotId", "The plot is not reserved for this round.", "该地块未纳入该轮摇号。");
        return await AppendAsync(context, new PlotReservationLifted(roundId, r.Season));
    }

    private async Task<CommandResult> TakeAsync(Guid householdId, string season, string source, Guid? roundId, CommandContext context)
    {
        var household = grains.GetGrain<IHouseholdGrain>(householdId);
        if (await household.HoldAsync(season, Id) is { } refused)
            return new CommandResult(refused, 0);
        try
        {
            return await AppendAsync(context, new PlotClaimed(_plot!.GardenId, season, householdId, source, roundId, clock.GetUtcNow()));
        }
        catch
        {
            await household.LetGoAsync(season, Id);
            throw;
        }
    }

    private async Task<CommandResult> AppendAsync(CommandContext context, object e)
    {
        await using var session = store.LightweightSession();
        session.AttributeTo(context);
        session.Events.Append(Id, _version + 1, e);
        try
        {
            await session.SaveChangesAsync();
        }
        catch
        {
            // Someone else wrote the stream (should not happen with one writer): start again from the store.
            DeactivateOnIdle();
            throw;
        }
        _version++;
        _plot!.Fold(e);
        return CommandResult.Ok(_version);
    }

    private CommandResult? Unknown() =>
        _plot is null ? CommandResult.Refused(404, "plotId", "No plot has this id.", "未找到该地块。") : null;

    private static CommandResult Conflict(string field, string reason, string reasonZh) =>
        CommandResult.Refused(409, field, reason, reasonZh);
}
