using Marten;
using Platform.Abstractions.Commands;
using Platform.Plugins.Ecological.Households;

namespace Platform.Plugins.Ecological.Gardens;

/// <summary>
/// The single writer of a plot's stream. Taking part (claims, releases, renewals, offers) is
/// <see cref="WriteAccess.Participation"/>: who may act for a household is checked before the grain is called;
/// a transfer between households is staff work and checked against the plot's community.
/// </summary>
[GrainType("ecological.plot")]
internal sealed class PlotGrain(EventWriter writer, IDocumentStore store, IGrainFactory grains, TimeProvider clock) : Grain, IPlotGrain
{
    private Guid Id => this.GetPrimaryKey();

    public Task<CommandResult> ClaimAsync(Guid householdId, string season, CommandContext context) =>
        TakeAsync(householdId, season, context, plot => plot.StatusIn(season) switch
        {
            PlotStatus.Claimed => Conflict("plotId", $"Plot {plot.Number} is already claimed for season {season}.", $"{plot.Number} 号地块本季（{season}）已被认领。"),
            PlotStatus.Reserved => Conflict("plotId", $"Plot {plot.Number} is reserved for a lottery round of season {season}; enter the round instead.", $"{plot.Number} 号地块已纳入本季摇号，请参加摇号。"),
            PlotStatus.Offered when plot.Offer!.HouseholdId != householdId => Conflict("plotId", $"Plot {plot.Number} is offered to the next household on the waiting list until {plot.Offer.Deadline:u}.", $"{plot.Number} 号地块正在递补给候补名单上的住户。"),
            PlotStatus.Offered => new PlotClaimed(plot.GardenId, season, householdId, "offer", null, clock.GetUtcNow()),
            _ => new PlotClaimed(plot.GardenId, season, householdId, "claim", null, clock.GetUtcNow()),
        });

    public Task<CommandResult> AssignAsync(Guid householdId, string season, Guid roundId, CommandContext context) =>
        TakeAsync(householdId, season, context, plot =>
            plot.Reservation is not { } r || r.RoundId != roundId
                ? Conflict("plotId", $"Plot {plot.Number} is not reserved for this lottery round.", $"{plot.Number} 号地块未纳入该轮摇号。")
                : new PlotClaimed(plot.GardenId, season, householdId, "lottery", roundId, clock.GetUtcNow()));

    public async Task<CommandResult> ReleaseAsync(Guid householdId, string season, CommandContext context)
    {
        var result = await writer.WriteAsync<PlotView>(Id, context, plot =>
            plot is null ? Unknown()
            : plot.HolderIn(season) is not { } tenancy || tenancy.HouseholdId != householdId
                ? Conflict("householdId", $"This household does not hold plot {plot.Number} in season {season}.", $"该住户本季未认领 {plot.Number} 号地块。")
                : Outcome.Append(new PlotReleased(season, householdId, clock.GetUtcNow())), WriteAccess.Participation);
        if (result.Accepted)
            await grains.GetGrain<IHoldingsGrain>(householdId).LetGoAsync(season, Id);
        return result;
    }

    public async Task<CommandResult> TransferAsync(Guid fromHouseholdId, Guid toHouseholdId, string season, CommandContext context)
    {
        var to = grains.GetGrain<IHoldingsGrain>(toHouseholdId);
        var held = false;
        var result = await Compensated(() => writer.WriteAsync<PlotView>(Id, context, async plot =>
        {
            if (plot is null)
                return Unknown();
            if (plot.HolderIn(season) is not { } tenancy || tenancy.HouseholdId != fromHouseholdId)
                return Conflict("fromHouseholdId", $"This household does not hold plot {plot.Number} in season {season}.", $"转出住户本季未认领 {plot.Number} 号地块。");
            if (fromHouseholdId == toHouseholdId)
                return Outcome.Refuse(400, "toHouseholdId", "A plot cannot be transferred to the household that holds it.", "不能转让给当前认领住户。");
            if (await to.HoldAsync(season, Id) is { } refused)
                return refused with { Field = "toHouseholdId" };
            held = true;
            return Outcome.Append(new PlotTransferred(season, fromHouseholdId, toHouseholdId, clock.GetUtcNow()));
        }), () => held ? to.LetGoAsync(season, Id) : Task.CompletedTask);
        if (result.Accepted)
            await grains.GetGrain<IHoldingsGrain>(fromHouseholdId).LetGoAsync(season, Id);
        return result;
    }

    public Task<CommandResult> RenewAsync(Guid householdId, string fromSeason, string toSeason, CommandContext context)
    {
        var household = grains.GetGrain<IHoldingsGrain>(householdId);
        var held = false;
        return Compensated(() => writer.WriteAsync<PlotView>(Id, context, async plot =>
        {
            if (plot is null)
                return Unknown();
            if (plot.HolderIn(fromSeason) is not { } tenancy || tenancy.HouseholdId != householdId)
                return Conflict("householdId", $"Only the household holding plot {plot.Number} in season {fromSeason} can renew it.", $"只有 {fromSeason} 季认领 {plot.Number} 号地块的住户可以续期。");
            if (await SeasonClosedAsync(plot, toSeason) is { } closed)
                return closed;
            if (plot.StatusIn(toSeason) != PlotStatus.Free)
                return Conflict("season", $"Plot {plot.Number} is not free in season {toSeason} ({plot.StatusIn(toSeason)}).", $"{plot.Number} 号地块在 {toSeason} 季已不空闲。");
            if (await household.HoldAsync(toSeason, Id) is { } refused)
                return refused;
            held = true;
            return Outcome.Append(new PlotRenewed(fromSeason, toSeason, householdId, clock.GetUtcNow()));
        }, WriteAccess.Participation), () => held ? household.LetGoAsync(toSeason, Id) : Task.CompletedTask);
    }

    public Task<CommandResult> OfferAsync(Guid householdId, string season, DateTimeOffset deadline, CommandContext context) =>
        writer.WriteAsync<PlotView>(Id, context, plot =>
            plot is null ? Unknown()
            : plot.StatusIn(season) != PlotStatus.Free ? Conflict("plotId", $"Plot {plot.Number} is not free in season {season}.", $"{plot.Number} 号地块本季不空闲。")
            : Outcome.Append(new PlotOffered(season, householdId, deadline)), WriteAccess.Participation);

    public Task<CommandResult> LapseOfferAsync(Guid? householdId, CommandContext context) =>
        writer.WriteAsync<PlotView>(Id, context, plot =>
        {
            if (plot is null)
                return Unknown();
            if (plot.Offer is not { } offer)
                return Conflict("plotId", $"Plot {plot.Number} has no open offer.", $"{plot.Number} 号地块没有待确认的递补。");
            if (householdId is { } h && h != offer.HouseholdId)
                return Conflict("householdId", "The plot is not offered to this household.", "该地块未递补给该住户。");
            var now = clock.GetUtcNow();
            if (householdId is null && now < offer.Deadline)
                return Conflict("plotId", $"The offer of plot {plot.Number} runs until {offer.Deadline:u}.", "递补确认期限未到。");
            return Outcome.Append(new PlotOfferLapsed(offer.Season, offer.HouseholdId, householdId is null, now));
        }, WriteAccess.Participation);

    public Task<CommandResult> ReserveAsync(Guid roundId, string season, CommandContext context) =>
        writer.WriteAsync<PlotView>(Id, context, plot =>
            plot is null ? Unknown()
            : plot.StatusIn(season) != PlotStatus.Free || plot.Reservation is not null ? Conflict("plotId", $"Plot {plot.Number} is not free in season {season}.", $"{plot.Number} 号地块本季不空闲。")
            : Outcome.Append(new PlotReserved(roundId, season)));

    public Task<CommandResult> LiftReservationAsync(Guid roundId, CommandContext context) =>
        writer.WriteAsync<PlotView>(Id, context, plot =>
            plot is null ? Unknown()
            : plot.Reservation is not { } r || r.RoundId != roundId ? Conflict("plotId", "The plot is not reserved for this round.", "该地块未纳入该轮摇号。")
            : Outcome.Append(new PlotReservationLifted(roundId, r.Season)));

    /// <summary>Claims for a household: holds the season at the household first (one plot per household per season), gives it back if nothing is written.</summary>
    private Task<CommandResult> TakeAsync(Guid householdId, string season, CommandContext context, Func<PlotView, object> claimOrRefusal)
    {
        var household = grains.GetGrain<IHoldingsGrain>(householdId);
        var held = false;
        return Compensated(() => writer.WriteAsync<PlotView>(Id, context, async plot =>
        {
            if (plot is null)
                return Unknown();
            if (await SeasonClosedAsync(plot, season) is { } closed)
                return closed;
            var decided = claimOrRefusal(plot);
            if (decided is Outcome refusal)
                return refusal;
            if (await household.HoldAsync(season, Id) is { } refused)
                return refused;
            held = true;
            return Outcome.Append(decided);
        }, WriteAccess.Participation), () => held ? household.LetGoAsync(season, Id) : Task.CompletedTask);
    }

    /// <summary>Runs the write; when it is refused or throws after a season was held at a household, gives the season back.</summary>
    private static async Task<CommandResult> Compensated(Func<Task<CommandResult>> write, Func<Task> undo)
    {
        CommandResult result;
        try
        {
            result = await write();
        }
        catch
        {
            await undo();
            throw;
        }
        if (!result.Accepted)
            await undo();
        return result;
    }

    private async Task<Outcome?> SeasonClosedAsync(PlotView plot, string season)
    {
        await using var query = store.QuerySession();
        return await query.LoadAsync<GardenView>(plot.GardenId) is { } garden ? ClaimNeedsAnOpenSeasonRule.Check(garden, season) : Unknown();
    }

    private static Outcome Unknown() => Outcome.Refuse(404, "plotId", "No plot has this id.", "未找到该地块。");

    private static Outcome Conflict(string field, string reason, string reasonZh) => Outcome.Refuse(409, field, reason, reasonZh);
}
