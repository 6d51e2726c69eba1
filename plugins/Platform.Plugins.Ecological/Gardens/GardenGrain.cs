using System.Globalization;
using System.Security.Cryptography;
using Marten;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Commands;
using Platform.Plugins.Ecological.Households;
using Platform.Plugins.Ecological.Lottery;
using Platform.Plugins.Ecological.Plots;
using Platform.Spatial;

namespace Platform.Plugins.Ecological.Gardens;

internal sealed class GardenGrain(IDocumentStore store, IGrainFactory grains, TimeProvider clock) : Grain, IGardenGrain
{
    /// <summary>How often lapsed offers are looked for; a deadline is honoured to within this.</summary>
    private static readonly TimeSpan SweepPeriod = TimeSpan.FromMinutes(1);

    // Hand-drawn plots may stick out of the site or overlap each other by drawing slop of this much.
    private const double ToleranceSquareMetres = 0.05;

    private GardenView? _garden;
    private long _version;

    private Guid Id => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await using var query = store.QuerySession();
        _garden = await query.LoadAsync<GardenView>(Id, cancellationToken);
        _version = (await query.Events.FetchStreamStateAsync(Id, cancellationToken))?.Version ?? 0;
        // Kept alive by its timer, so that offer deadlines lapse even when nobody touches the garden.
        this.RegisterGrainTimer(
            ct => SweepExpiredOffersAsync(CommandContext.System("候补递补确认期限已过")),
            new GrainTimerCreationOptions { DueTime = SweepPeriod, Period = SweepPeriod, KeepAlive = _garden is not null });
    }

    public async Task<CommandResult> LayOutAsync(LayOutGarden c, CommandContext context)
    {
        if (_garden is not null)
            return CommandResult.Refused(409, "gardenId", "This garden is already laid out.", "该园地已规划。");
        var site = WellKnownText.Read(c.BoundaryWkt);
        IReadOnlyList<Polygon> plots;
        if (c.Layout == "grid")
        {
            plots = GridSubdivision.Subdivide(site, c.TargetPlotSquareMetres!.Value, c.PathWidthMetres, c.MinPlotFraction);
            if (plots.Count == 0)
                return CommandResult.Refused(400, "targetPlotSquareMetres", "No plot of this size fits into the site.", "园地内放不下一块该面积的地块。");
        }
        else
        {
            var drawn = c.HandDrawnPlotWkts.Select(w => (Polygon)WellKnownText.Read(w)).ToList();
            if (CheckHandDrawn(site, drawn, [], "plots") is { } bad)
                return new CommandResult(bad, 0);
            plots = drawn;
        }

        await using var session = store.LightweightSession();
        session.AttributeTo(context);
        var plotIds = new List<Guid>();
        for (var i = 0; i < plots.Count; i++)
        {
            var plotId = Guid.NewGuid();
            plotIds.Add(plotId);
            session.Events.StartStream<PlotView>(plotId, new PlotLaidOut(Id, Number(i + 1), WellKnownText.Write(plots[i]),
                Math.Round(GeometryMeasurement.AreaSquareMetres(plots[i]), 2), c.Layout));
        }
        var events = new object[]
        {
            new GardenLaidOut(c.Name, c.Kind, c.BoundaryWkt, Math.Round(GeometryMeasurement.AreaSquareMetres(site), 2), c.Layout,
                c.TargetPlotSquareMetres, c.PathWidthMetres, c.AcceptOfferHours, c.CommunityCode, c.CommunityName, c.Seasons),
            new GardenPlotsLaidOut(plotIds),
        };
        session.Events.StartStream<GardenView>(Id, events);
        await session.SaveChangesAsync();
        _garden = new GardenView { Id = Id };
        foreach (var e in events)
            _garden.Fold(e);
        _version = events.Length;
        return CommandResult.Ok(_version);
    }

    public async Task<CommandResult> AddPlotAsync(Guid plotId, string boundaryWkt, CommandContext context)
    {
        if (Unknown() is { } unknown)
            return unknown;
        var plot = (Polygon)WellKnownText.Read(boundaryWkt);
        List<Geometry> existing;
        await using (var query = store.QuerySession())
        {
            existing = (await query.Query<PlotView>().Where(p => p.GardenId == Id).ToListAsync())
                .Select(p => WellKnownText.Read(p.BoundaryWkt)).ToList();
        }
        if (CheckHandDrawn(WellKnownText.Read(_garden!.BoundaryWkt), [plot], existing, "geometry") is { } bad)
            return new CommandResult(bad, 0);
        await using var session = store.LightweightSession();
        session.AttributeTo(context);
        session.Events.StartStream<PlotView>(plotId, new PlotLaidOut(Id, Number(_garden.PlotIds.Count + 1), boundaryWkt,
            Math.Round(GeometryMeasurement.AreaSquareMetres(plot), 2), "hand"));
        return await AppendAsync(session, new PlotAdded(plotId));
    }

    public async Task<CommandResult> OpenSeasonAsync(SeasonTerm term, CommandContext context)
    {
        if (Unknown() is { } unknown)
            return unknown;
        if (_garden!.Term(term.Season) is not null)
            return CommandResult.Refused(409, "season", $"Season {term.Season} is already open.", $"{term.Season} 季已设立。");
        if (_garden.Seasons.FirstOrDefault(s => s.StartsOn <= term.EndsOn && term.StartsOn <= s.EndsOn) is { } overlap)
            return CommandResult.Refused(409, "startsOn", $"The term overlaps season {overlap.Season} ({overlap.StartsOn:yyyy-MM-dd} – {overlap.EndsOn:yyyy-MM-dd}).", $"期限与 {overlap.Season} 季重叠。");
        return await AppendAsync(context, new SeasonOpened(term));
    }

    public async Task<CommandResult> JoinWaitingListAsync(Guid householdId, string season, CommandContext context)
    {
        if (Unknown() is { } unknown)
            return unknown;
        if (_garden!.WaitingIn(season).Contains(householdId))
            return CommandResult.Refused(409, "householdId", "This household is already on the waiting list for this season.", "该住户已在本季候补名单上。");
        if (await Ineligible(householdId, season) is { } refused)
            return refused;
        return await AppendAsync(context, new WaitingListJoined(season, householdId));
    }

    public async Task<CommandResult> OpenLotteryAsync(Guid roundId, string season, IReadOnlyList<Guid> plotIds, CommandContext context)
    {
        if (Unknown() is { } unknown)
            return unknown;
        if (_garden!.Rounds.FirstOrDefault(r => r.Season == season && r.Draw is null) is { } open)
            return CommandResult.Refused(409, "season", $"Lottery round {open.RoundId} of season {season} is still open; draw it first.", "本季已有未开奖的摇号轮次。");
        if (plotIds.FirstOrDefault(p => !_garden.PlotIds.Contains(p)) is var stranger && stranger != Guid.Empty)
            return CommandResult.Refused(400, "plotIds", $"Plot {stranger} is not in this garden.", "所列地块不属于该园地。");
        var candidates = plotIds.Count > 0 ? plotIds : _garden.PlotIds;
        List<Guid> free;
        await using (var query = store.QuerySession())
        {
            free = (await query.LoadManyAsync<PlotView>(candidates)).Where(p => p.StatusIn(season) == PlotStatus.Free)
                .OrderBy(p => p.Number, StringComparer.Ordinal).Select(p => p.Id).ToList();
        }
        if (free.Count == 0)
            return CommandResult.Refused(409, "plotIds", $"No free plot in season {season} to draw.", "本季没有可供摇号的空闲地块。");
        var result = await AppendAsync(context, new LotteryRoundOpened(roundId, season, free, clock.GetUtcNow()));
        foreach (var plotId in free)
            await grains.GetGrain<IPlotGrain>(plotId).ReserveAsync(roundId, season, context);
        return result;
    }

    public async Task<CommandResult> EnterLotteryAsync(Guid roundId, Guid householdId, CommandContext context)
    {
        if (Unknown() is { } unknown)
            return unknown;
        if (_garden!.Round(roundId) is not { } round)
            return CommandResult.Refused(404, "roundId", "No lottery round of this garden has this id.", "未找到该摇号轮次。");
        if (round.Draw is not null)
            return CommandResult.Refused(409, "roundId", "The round has been drawn already.", "该轮摇号已开奖。");
        if (round.Entrants.Contains(householdId))
            return CommandResult.Refused(409, "householdId", "This household has entered the round already.", "该住户已参加本轮摇号。");
        if (await Ineligible(householdId, round.Season) is { } refused)
            return refused;
        return await AppendAsync(context, new LotteryEntered(roundId, householdId));
    }

    public async Task<CommandResult> DrawLotteryAsync(Guid roundId, ulong? seed, CommandContext context)
    {
        if (Unknown() is { } unknown)
            return unknown;
        if (_garden!.Round(roundId) is not { } round)
            return CommandResult.Refused(404, "roundId", "No lottery round of this garden has this id.", "未找到该摇号轮次。");
        if (round.Draw is not null)
            return CommandResult.Refused(409, "roundId", "The round has been drawn already.", "该轮摇号已开奖。");

        // Entrants who meanwhile took a plot elsewhere this season drop out before the draw, so the recorded
        // entrant list is exactly the input of the shuffle.
        var entrants = new List<Guid>();
        foreach (var h in round.Entrants)
        {
            if ((await grains.GetGrain<IHouseholdGrain>(h).StandingAsync(round.Season)).PlotId is null)
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
        var waiting = order.Skip(plots.Count).ToList();
        var result = await AppendAsync(context, new LotteryDrawn(roundId, LotteryDraw.Algorithm, actualSeed, oversubscribed,
            entrants, plots, order, winners, waiting, clock.GetUtcNow()));

        foreach (var win in winners)
            await grains.GetGrain<IPlotGrain>(win.PlotId).AssignAsync(win.HouseholdId, round.Season, roundId, context);
        foreach (var plotId in plots.Skip(winners.Count))
            await grains.GetGrain<IPlotGrain>(plotId).LiftReservationAsync(roundId, context);
        return result;
    }

    public async Task<Guid?> OfferFreedPlotAsync(Guid plotId, string season, CommandContext context)
    {
        if (_garden is null || !_garden.PlotIds.Contains(plotId))
            return null;
        var deadline = clock.GetUtcNow().AddHours(_garden.AcceptOfferHours);
        foreach (var householdId in _garden.WaitingIn(season).ToList())
        {
            if ((await grains.GetGrain<IHouseholdGrain>(householdId).StandingAsync(season)).PlotId is not null)
            {
                await AppendAsync(context, new WaitingListLeft(season, householdId, "ineligible", null));
                continue;
            }
            var offered = await grains.GetGrain<IPlotGrain>(plotId).OfferAsync(householdId, season, deadline, context);
            if (!offered.Accepted)
                return null;
            await AppendAsync(context, new WaitingListLeft(season, householdId, "offered", plotId));
            return householdId;
        }
        return null;
    }

    public async Task<int> SweepExpiredOffersAsync(CommandContext context)
    {
        if (_garden is null)
            return 0;
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

    private async Task<CommandResult?> Ineligible(Guid householdId, string season)
    {
        var standing = await grains.GetGrain<IHouseholdGrain>(householdId).StandingAsync(season);
        if (!standing.Registered)
            return CommandResult.Refused(404, "householdId", "No household is registered under this id.", "未找到该住户的报名登记。");
        return standing.PlotId is not null
            ? CommandResult.Refused(409, "householdId", $"This household already holds a plot in season {season}: one plot per household per season.", $"该住户在 {season} 季已认领一块地：每户每季限认领一块。")
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

    private async Task<CommandResult> AppendAsync(CommandContext context, object e)
    {
        await using var session = store.LightweightSession();
        session.AttributeTo(context);
        return await AppendAsync(session, e);
    }

    private async Task<CommandResult> AppendAsync(IDocumentSession session, object e)
    {
        session.Events.Append(Id, _version + 1, e);
        try
        {
            await session.SaveChangesAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
        _version++;
        _garden!.Fold(e);
        return CommandResult.Ok(_version);
    }

    private CommandResult? Unknown() =>
        _garden is null ? CommandResult.Refused(404, "gardenId", "No garden has this id.", "未找到该园地。") : null;

    private static string Number(int n) => n.ToString("000", CultureInfo.InvariantCulture);
}
