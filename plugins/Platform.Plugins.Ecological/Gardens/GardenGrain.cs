using System.Globalization;
using System.Security.Cryptography;
using Marten;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Commands;
using Platform.Plugins.Ecological.Households;
using Platform.Plugins.Ecological.Lottery;
using Platform.Spatial;

namespace Platform.Plugins.Ecological.Gardens;

/// <summary>
/// The single writer of a garden's stream. Laying out and running the garden is checked against the garden's
/// community by the write path; joining a waiting list or a lottery, and the offers that follow a release, are
/// <see cref="WriteAccess.Participation"/>.
/// </summary>
[GrainType("ecological.garden")]
internal sealed class GardenGrain(EventWriter writer, IDocumentStore store, IGrainFactory grains, TimeProvider clock) : Grain, IGardenGrain
{
    /// <summary>How often lapsed offers are looked for; a deadline is honoured to within this.</summary>
    private static readonly TimeSpan SweepPeriod = TimeSpan.FromMinutes(1);

    // Hand-drawn plots may stick out of the site or overlap each other by drawing slop of this much.
    private const double ToleranceSquareMetres = 0.05;

    private Guid Id => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        bool exists;
        await using (var query = store.QuerySession())
            exists = await query.LoadAsync<GardenView>(Id, cancellationToken) is not null;
        // Kept alive by its timer, so that offer deadlines lapse even when nobody touches the garden.
        this.RegisterGrainTimer(
            ct => SweepExpiredOffersAsync(CommandContext.System("候补递补确认期限已过")),
            new GrainTimerCreationOptions { DueTime = SweepPeriod, Period = SweepPeriod, KeepAlive = exists });
    }

    public Task<CommandResult> LayOutAsync(LayOutGarden c, CommandContext context) =>
        writer.WriteAsync<GardenView>(Id, context, garden =>
        {
            if (garden is not null)
                return Outcome.Refuse(409, "gardenId", "This garden is already laid out.", "该园地已规划。");
            var site = WellKnownText.Read(c.BoundaryWkt);
            IReadOnlyList<Polygon> plots;
            if (c.Layout == "grid")
            {
                plots = GridSubdivision.Subdivide(site, c.TargetPlotSquareMetres!.Value, c.PathWidthMetres, c.MinPlotFraction);
                if (plots.Count == 0)
                    return Outcome.Refuse(400, "targetPlotSquareMetres", "No plot of this size fits into the site.", "园地内放不下一块该面积的地块。");
            }
            else
            {
                var drawn = c.HandDrawnPlotWkts.Select(w => (Polygon)WellKnownText.Read(w)).ToList();
                if (CheckHandDrawn(site, drawn, [], "plots") is { } bad)
                    return bad;
                plots = drawn;
            }
            var plotIds = plots.Select(_ => Guid.NewGuid()).ToList();
            var outcome = Outcome.Append(
                new GardenLaidOut(c.Name, c.Kind, c.BoundaryWkt, Math.Round(GeometryMeasurement.AreaSquareMetres(site), 2), c.Layout,
                    c.TargetPlotSquareMetres, c.PathWidthMetres, c.AcceptOfferHours, c.CommunityCode, c.CommunityName, c.Seasons),
                new GardenPlotsLaidOut(plotIds)).At(site);
            for (var i = 0; i < plots.Count; i++)
            {
                outcome.AlsoStart<PlotView>(plotIds[i], new PlotLaidOut(Id, Number(i + 1), WellKnownText.Write(plots[i]),
                    Math.Round(GeometryMeasurement.AreaSquareMetres(plots[i]), 2), c.Layout));
            }
            return outcome;
        });

    public Task<CommandResult> AddPlotAsync(Guid plotId, string boundaryWkt, CommandContext context) =>
        writer.WriteAsync<GardenView>(Id, context, async garden =>
        {
            if (garden is null)
                return Unknown();
            var plot = (Polygon)WellKnownText.Read(boundaryWkt);
            List<Geometry> existing;
            var id = Id;
            await using (var query = store.QuerySession())
            {
                existing = (await query.Query<PlotView>().Where(p => p.GardenId == id).ToListAsync())
                    .Select(p => WellKnownText.Read(p.BoundaryWkt)).ToList();
            }
            if (CheckHandDrawn(WellKnownText.Read(garden.BoundaryWkt), [plot], existing, "geometry") is { } bad)
                return bad;
            return Outcome.Append(new PlotAdded(plotId)).AlsoStart<PlotView>(plotId,
                new PlotLaidOut(Id, Number(garden.PlotIds.Count + 1), boundaryWkt, Math.Round(GeometryMeasurement.AreaSquareMetres(plot), 2), "hand"));
        });

    public Task<CommandResult> OpenSeasonAsync(SeasonTerm term, CommandContext context) =>
        writer.WriteAsync<GardenView>(Id, context, garden =>
            garden is null ? Unknown()
            : garden.Term(term.Season) is not null ? Outcome.Refuse(409, "season", $"Season {term.Season} is already open.", $"{term.Season} 季已设立。")
            : garden.Seasons.FirstOrDefault(s => s.StartsOn <= term.EndsOn && term.StartsOn <= s.EndsOn) is { } overlap
                ? Outcome.Refuse(409, "startsOn", $"The term overlaps season {overlap.Season} ({overlap.StartsOn:yyyy-MM-dd} – {overlap.EndsOn:yyyy-MM-dd}).", $"期限与 {overlap.Season} 季重叠。")
            : Outcome.Append(new SeasonOpened(term)));

    public Task<CommandResult> JoinWaitingListAsync(Guid householdId, string season, CommandContext context) =>
        writer.WriteAsync<GardenView>(Id, context, async garden =>
            garden is null ? Unknown()
            : ClaimNeedsAnOpenSeasonRule.Check(garden, season) is { } closed ? closed
            : garden.WaitingIn(season).Contains(householdId) ? Outcome.Refuse(409, "householdId", "This household is already on the waiting list for this season.", "该住户已在本季候补名单上。")
            : await IneligibleAsync(householdId, season) is { } refused ? refused
            : Outcome.Append(new WaitingListJoined(season, householdId)), WriteAccess.Participation);

    public async Task<CommandResult> OpenLotteryAsync(Guid roundId, string season, IReadOnlyList<Guid> plotIds, CommandContext context)
    {
        List<Guid> free = [];
        var result = await writer.WriteAsync<GardenView>(Id, context, async garden =>
        {
            if (garden is null)
                return Unknown();
            if (ClaimNeedsAnOpenSeasonRule.Check(garden, season) is { } closed)
                return closed;
            if (garden.Rounds.FirstOrDefault(r => r.Season == season && r.Draw is null) is { } open)
                return Outcome.Refuse(409, "season", $"Lottery round {open.RoundId} of season {season} is still open; draw it first.", "本季已有未开奖的摇号轮次。");
            if (plotIds.FirstOrDefault(p => !garden.PlotIds.Contains(p)) is var stranger && stranger != Guid.Empty)
                return Outcome.Refuse(400, "plotIds", $"Plot {stranger} is not in this garden.", "所列地块不属于该园地。");
            var candidates = plotIds.Count > 0 ? plotIds : garden.PlotIds;
            await using (var query = store.QuerySession())
            {
                free = (await query.LoadManyAsync<PlotView>(candidates)).Where(p => p.StatusIn(season) == PlotStatus.Free)
                    .OrderBy(p => p.Number, StringComparer.Ordinal).Select(p => p.Id).ToList();
            }
            return free.Count == 0
                ? Outcome.Refuse(409, "plotIds", $"No free plot in season {season} to draw.", "本季没有可供摇号的空闲地块。")
                : Outcome.Append(new LotteryRoundOpened(roundId, season, free, clock.GetUtcNow()));
        });
        if (result.Accepted)
        {
            foreach (var plotId in free)
                await grains.GetGrain<IPlotGrain>(plotId).ReserveAsync(roundId, season, context);
        }
        return result;
    }

    public Task<CommandResult> EnterLotteryAsync(Guid roundId, Guid householdId, CommandContext context) =>
        writer.WriteAsync<GardenView>(Id, context, async garden =>
            garden is null ? Unknown()
            : garden.Round(roundId) is not { } round ? Outcome.Refuse(404, "roundId", "No lottery round of this garden has this id.", "未找到该摇号轮次。")
            : round.Draw is not null ? Outcome.Refuse(409, "roundId", "The round has been drawn already.", "该轮摇号已开奖。")
            : round.Entrants.Contains(householdId) ? Outcome.Refuse(409, "householdId", "This household has entered the round already.", "该住户已参加本轮摇号。")
            : await IneligibleAsync(householdId, round.Season) is { } refused ? refused
            : Outcome.Append(new LotteryEntered(roundId, householdId)), WriteAccess.Participation);

    public async Task<CommandResult> DrawLotteryAsync(Guid roundId, ulong? seed, CommandContext context)
    {
        LotteryDrawn? drawn = null;
        string season = "";
        var result = await writer.WriteAsync<GardenView>(Id, context, async garden =>
        {
            if (garden is null)
                return Unknown();
            if (garden.Round(roundId) is not { } round)
                return Outcome.Refuse(404, "roundId", "No lottery round of this garden has this id.", "未找到该摇号轮次。");
            if (round.Draw is not null)
                return Outcome.Refuse(409, "roundId", "The round has been drawn already.", "该轮摇号已开奖。");
            season = round.Season;
            // Entrants who meanwhile took a plot elsewhere this season drop out before the draw, so the recorded
            // entrant list is exactly the input of the shuffle.
            var entrants = new List<Guid>();
            foreach (var h in round.Entrants)
            {
                if ((await grains.GetGrain<IHoldingsGrain>(h).StandingAsync(round.Season)).PlotId is null)
                    entrants.Add(h);
            }
            List<Guid> plots;
            await using (var query = store.QuerySession())
            {
                plots = (await query.LoadManyAsync<PlotView>(round.PlotIds)).Where(p => p.Reservation?.RoundId == roundId)
                    .OrderBy(p => p.Number, StringComparer.Ordinal).Select(p => p.Id).ToList();
            }
            var actualSeed = seed ?? BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
            var oversubscribed = entrants.Count > plots.Count;
            var order = oversubscribed ? LotteryDraw.Shuffle(entrants, actualSeed) : entrants;
            var winners = order.Take(plots.Count).Select((h, i) => new LotteryWin(h, plots[i])).ToList();
            drawn = new LotteryDrawn(roundId, LotteryDraw.Algorithm, actualSeed, oversubscribed,
                entrants, plots, order, winners, order.Skip(plots.Count).ToList(), clock.GetUtcNow());
            return Outcome.Append(drawn);
        });
        if (result.Accepted && drawn is not null)
        {
            foreach (var win in drawn.Winners)
                await grains.GetGrain<IPlotGrain>(win.PlotId).AssignAsync(win.HouseholdId, season, roundId, context);
            foreach (var plotId in drawn.PlotIds.Skip(drawn.Winners.Count))
                await grains.GetGrain<IPlotGrain>(plotId).LiftReservationAsync(roundId, context);
        }
        return result;
    }

    public async Task<PlotFreed> ReleasePlotAsync(Guid plotId, Guid householdId, string season, CommandContext context)
    {
        var released = await grains.GetGrain<IPlotGrain>(plotId).ReleaseAsync(householdId, season, context);
        return released.Rejection is { } refused
            ? new PlotFreed(refused, null)
            : new PlotFreed(null, await OfferFreedPlotAsync(plotId, season, context));
    }

    public async Task<PlotFreed> DeclineOfferAsync(Guid plotId, Guid householdId, CommandContext context)
    {
        var plot = grains.GetGrain<IPlotGrain>(plotId);
        string? season;
        await using (var query = store.QuerySession())
            season = (await query.LoadAsync<PlotView>(plotId))?.Offer?.Season;
        var lapsed = await plot.LapseOfferAsync(householdId, context);
        return lapsed.Rejection is { } refused
            ? new PlotFreed(refused, null)
            : new PlotFreed(null, season is null ? null : await OfferFreedPlotAsync(plotId, season, context));
    }

    public async Task<Guid?> OfferFreedPlotAsync(Guid plotId, string season, CommandContext context)
    {
        GardenView? garden;
        await using (var query = store.QuerySession())
            garden = await query.LoadAsync<GardenView>(Id);
        if (garden is null || !garden.PlotIds.Contains(plotId))
            return null;
        var deadline = clock.GetUtcNow().AddHours(garden.AcceptOfferHours);
        foreach (var householdId in garden.WaitingIn(season).ToList())
        {
            if ((await grains.GetGrain<IHoldingsGrain>(householdId).StandingAsync(season)).PlotId is not null)
            {
                await LeaveWaitingListAsync(new WaitingListLeft(season, householdId, "ineligible", null), context);
                continue;
            }
            var offered = await grains.GetGrain<IPlotGrain>(plotId).OfferAsync(householdId, season, deadline, context);
            if (!offered.Accepted)
                return null;
            await LeaveWaitingListAsync(new WaitingListLeft(season, householdId, "offered", plotId), context);
            return householdId;
        }
        return null;
    }

    public async Task<int> SweepExpiredOffersAsync(CommandContext context)
    {
        var now = clock.GetUtcNow();
        List<PlotView> lapsed;
        var id = Id;
        await using (var query = store.QuerySession())
        {
            lapsed = (await query.Query<PlotView>().Where(p => p.GardenId == id && p.Offer != null).ToListAsync())
                .Where(p => p.Offer!.Deadline <= now).ToList();
        }
        foreach (var plot in lapsed)
        {
            if ((await grains.GetGrain<IPlotGrain>(plot.Id).LapseOfferAsync(null, context)).Accepted)
                await OfferFreedPlotAsync(plot.Id, plot.Offer!.Season, context);
        }
        return lapsed.Count;
    }

    private Task<CommandResult> LeaveWaitingListAsync(WaitingListLeft left, CommandContext context) =>
        writer.WriteAsync<GardenView>(Id, context, garden =>
            garden is null ? Unknown() : Outcome.Append(left), WriteAccess.Participation);

    private async Task<Outcome?> IneligibleAsync(Guid householdId, string season)
    {
        var standing = await grains.GetGrain<IHoldingsGrain>(householdId).StandingAsync(season);
        if (!standing.Registered)
            return Outcome.Refuse(404, "householdId", "No household is registered under this id.", "未找到该住户的报名登记。");
        return standing.PlotId is not null
            ? Outcome.Refuse(409, "householdId", $"This household already holds a plot in season {season}: one plot per household per season.", $"该住户在 {season} 季已认领一块地：每户每季限认领一块。")
            : null;
    }

    private static Rejection? CheckHandDrawn(Geometry site, IReadOnlyList<Polygon> plots, IReadOnlyList<Geometry> existing, string field)
    {
        if (plots.Count == 0)
            return new Rejection(400, field, "Give at least one plot, or a target plot size for a grid.", "请绘制至少一块地块，或给出网格地块面积。");
        var others = new List<Geometry>(existing);
        for (var i = 0; i < plots.Count; i++)
        {
            var name = plots.Count == 1 && field == "geometry" ? field : $"{field}[{i}]";
            var outside = plots[i].Difference(site);
            if (!outside.IsEmpty && GeometryMeasurement.AreaSquareMetres(outside) > ToleranceSquareMetres)
                return Located(name, $"The plot reaches {GeometryMeasurement.AreaSquareMetres(outside):0.##} m² outside the garden.", "地块超出园地范围。", outside);
            foreach (var other in others)
            {
                var overlap = plots[i].Intersection(other);
                if (!overlap.IsEmpty && GeometryMeasurement.AreaSquareMetres(overlap) > ToleranceSquareMetres)
                    return Located(name, $"The plot overlaps another plot by {GeometryMeasurement.AreaSquareMetres(overlap):0.##} m².", "地块与其他地块重叠。", overlap);
            }
            others.Add(plots[i]);
        }
        return null;
    }

    private static Rejection Located(string field, string reason, string reasonZh, Geometry where)
    {
        var p = GeometryMeasurement.InteriorPoint(where);
        return new Rejection(400, field, reason, reasonZh)
        {
            Location = [p.X, p.Y],
            AreaSquareMetres = Math.Round(GeometryMeasurement.AreaSquareMetres(where), 2),
        };
    }

    private static Outcome Unknown() => Outcome.Refuse(404, "gardenId", "No garden has this id.", "未找到该园地。");

    private static string Number(int n) => n.ToString("000", CultureInfo.InvariantCulture);
}
