using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Security;
using Platform.Plugins.Ecological.Households;
using Platform.Plugins.Ecological.Gardens;
using Platform.Spatial;

namespace Platform.Plugins.Ecological.Http;

internal static class GardenEndpoints
{
    public const double DefaultPathWidthMetres = 1.0;
    public const double DefaultMinPlotFraction = 0.5;
    public const double DefaultAcceptOfferHours = 72;

    public static void MapGardenEndpoints(this IEndpointRouteBuilder scene)
    {
        scene.MapPost("/gardens", CreateAsync).WithRequestBody<CreateGardenRequest>().RequireAuthorization(PlatformPolicies.EditCommunityData)
            .Produces<GardenSummary>(StatusCodes.Status201Created);

        scene.MapGet("/gardens", async (IQuerySession session, IJurisdictionLocator locator, CancellationToken ct) =>
        {
            var gardens = await session.Query<GardenView>().ToListAsync(ct);
            var plots = await session.Query<PlotView>().ToListAsync(ct);
            var answers = new List<GardenSummary>();
            foreach (var g in gardens.OrderBy(g => g.Name, StringComparer.Ordinal))
                answers.Add(await SummaryAsync(g, plots.Where(p => p.GardenId == g.Id).ToList(), locator, false, ct));
            return Results.Ok(answers);
        }).Produces<List<GardenSummary>>();

        scene.MapGet("/gardens/{gardenId:guid}", async (Guid gardenId, IQuerySession session, IJurisdictionLocator locator, CancellationToken ct) =>
        {
            if (await session.LoadAsync<GardenView>(gardenId, ct) is not { } garden)
                return NotFound();
            var plots = await session.Query<PlotView>().Where(p => p.GardenId == gardenId).ToListAsync(ct);
            return Results.Ok(await SummaryAsync(garden, plots.ToList(), locator, true, ct));
        }).Produces<GardenSummary>();

        scene.MapGet("/gardens/{gardenId:guid}/plots", async (Guid gardenId, string? season, IQuerySession session, CancellationToken ct) =>
        {
            if (await session.LoadAsync<GardenView>(gardenId, ct) is not { } garden)
                return NotFound();
            if (SeasonOf(garden, season) is not { } term)
                return UnknownSeason(garden, season);
            var plots = await session.Query<PlotView>().Where(p => p.GardenId == gardenId).ToListAsync(ct);
            return Results.Ok(new PlotCollection("FeatureCollection", gardenId, term.Season,
                [.. plots.OrderBy(p => p.Number, StringComparer.Ordinal).Select(p => new PlotFeature("Feature", p.Id, EcoJson.GeoJsonOf(p.BoundaryWkt), PublicPlotOf(p, term.Season)))]));
        }).Produces<PlotCollection>();

        scene.MapPost("/gardens/{gardenId:guid}/plots", async (Guid gardenId, HttpContext http, IQuerySession session, IJurisdictionLocator locator, IGrainFactory grains) =>
        {
            if (await session.LoadAsync<GardenView>(gardenId, http.RequestAborted) is not { } garden)
                return NotFound();
            if (await EcoAccess.MayManageAsync(http.User, locator, garden, http.RequestAborted) is { } denied)
                return denied;
            var (body, problem) = await RequestBody.ReadAsync<AddPlotRequest>(http);
            if (problem is not null)
                return problem;
            var (geometry, invalid) = GeometryInput.Parse(body!.Geometry);
            if (invalid is not null)
                return invalid;
            if (geometry is not Polygon)
                return ProblemResults.Problem(400, "geometry", "A plot is one Polygon.", "地块须为单个多边形。");
            var plotId = Guid.NewGuid();
            var result = await grains.GetGrain<IGardenGrain>(gardenId).AddPlotAsync(plotId, WellKnownText.Write(geometry), http.Context());
            if (result.Rejection is { } r)
                return r.ToProblem();
            var plot = await session.LoadAsync<PlotView>(plotId, http.RequestAborted);
            return Results.Created($"/api/scenes/ecological/plots/{plotId}", new AddedPlot(plotId, plot?.Number, plot?.AreaSquareMetres));
        }).WithRequestBody<AddPlotRequest>().RequireAuthorization(PlatformPolicies.EditCommunityData).Produces<AddedPlot>(StatusCodes.Status201Created);

        scene.MapPost("/gardens/{gardenId:guid}/seasons", async (Guid gardenId, HttpContext http, IQuerySession session, IJurisdictionLocator locator, IGrainFactory grains) =>
        {
            if (await session.LoadAsync<GardenView>(gardenId, http.RequestAborted) is not { } garden)
                return NotFound();
            if (await EcoAccess.MayManageAsync(http.User, locator, garden, http.RequestAborted) is { } denied)
                return denied;
            var (body, problem) = await RequestBody.ReadAsync<SeasonInput>(http);
            if (problem is not null)
                return problem;
            if (ValidSeason(body!) is not { } term)
                return SeasonProblem(body!, "");
            var result = await grains.GetGrain<IGardenGrain>(gardenId).OpenSeasonAsync(term, http.Context());
            return result.Rejection is { } r ? r.ToProblem() : Results.Created($"/api/scenes/ecological/gardens/{gardenId}", term);
        }).WithRequestBody<SeasonInput>().RequireAuthorization(PlatformPolicies.EditCommunityData).Produces<SeasonTerm>(StatusCodes.Status201Created);

        scene.MapPost("/gardens/{gardenId:guid}/waiting-list", async (Guid gardenId, HttpContext http, IQuerySession session, IJurisdictionLocator locator, IGrainFactory grains) =>
        {
            if (await session.LoadAsync<GardenView>(gardenId, http.RequestAborted) is not { } garden)
                return NotFound();
            var (body, problem) = await RequestBody.ReadAsync<JoinWaitingListRequest>(http);
            if (problem is not null)
                return problem;
            if (body!.HouseholdId is not { } householdId)
                return RequestBody.Missing("householdId", "住户编号");
            if (SeasonOf(garden, body.Season) is not { } term)
                return UnknownSeason(garden, body.Season);
            if (await session.LoadAsync<HouseholdView>(householdId, http.RequestAborted) is not { } household)
                return UnknownHousehold("householdId");
            if (await EcoAccess.MayActForAsync(http.User, household, locator, garden, "householdId", http.RequestAborted) is { } denied)
                return denied;
            var result = await grains.GetGrain<IGardenGrain>(gardenId).JoinWaitingListAsync(householdId, term.Season, http.Context());
            if (result.Rejection is { } r)
                return r.ToProblem();
            var position = (await session.LoadAsync<GardenView>(gardenId, http.RequestAborted))!.WaitingIn(term.Season).ToList().IndexOf(householdId) + 1;
            return Results.Created($"/api/scenes/ecological/gardens/{gardenId}/waiting-list?season={term.Season}", new WaitingPosition(gardenId, term.Season, householdId, position));
        }).WithRequestBody<JoinWaitingListRequest>().RequireAuthorization(EcoAccess.Participate).Produces<WaitingPosition>(StatusCodes.Status201Created);

        scene.MapGet("/gardens/{gardenId:guid}/waiting-list", async (Guid gardenId, string? season, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            if (await session.LoadAsync<GardenView>(gardenId, ct) is not { } garden)
                return NotFound();
            if (SeasonOf(garden, season) is not { } term)
                return UnknownSeason(garden, season);
            var waiting = garden.WaitingIn(term.Season).ToList();
            if (!http.User.MaySeePersonalData())
                return Results.Ok(new WaitingList(gardenId, term.Season, waiting.Count, null));
            var households = (await session.LoadManyAsync<HouseholdView>(ct, waiting)).ToDictionary(h => h.Id);
            return Results.Ok(new WaitingList(gardenId, term.Season, waiting.Count,
                [.. waiting.Select((h, i) => new WaitingListEntry(i + 1, h, households.GetValueOrDefault(h)?.Householder,
                    households.GetValueOrDefault(h)?.Compound, households.GetValueOrDefault(h)?.Contact))]));
        }).Produces<WaitingList>();

        scene.MapGet("/gardens/{gardenId:guid}/tenancies", async (Guid gardenId, string? season, IQuerySession session, CancellationToken ct) =>
        {
            if (await session.LoadAsync<GardenView>(gardenId, ct) is not { } garden)
                return NotFound();
            if (SeasonOf(garden, season) is not { } term)
                return UnknownSeason(garden, season);
            var plots = await session.Query<PlotView>().Where(p => p.GardenId == gardenId).ToListAsync(ct);
            var held = plots.Select(p => (Plot: p, Tenancy: p.HolderIn(term.Season))).Where(x => x.Tenancy is not null).ToList();
            var households = (await session.LoadManyAsync<HouseholdView>(ct, held.Select(x => x.Tenancy!.HouseholdId).ToArray())).ToDictionary(h => h.Id);
            return Results.Ok(held.OrderBy(x => x.Plot.Number, StringComparer.Ordinal).Select(x => new PlotTenancy(
                x.Plot.Id, x.Plot.Number, x.Plot.AreaSquareMetres, x.Tenancy!.HouseholdId,
                households.GetValueOrDefault(x.Tenancy.HouseholdId)?.Householder,
                households.GetValueOrDefault(x.Tenancy.HouseholdId)?.Compound,
                households.GetValueOrDefault(x.Tenancy.HouseholdId)?.Contact,
                x.Tenancy.Source, x.Tenancy.Since)).ToList());
        }).RequireAuthorization(PlatformPolicies.Staff).Produces<List<PlotTenancy>>();

        scene.MapPost("/gardens/{gardenId:guid}/offers/sweep", async (Guid gardenId, HttpContext http, IQuerySession session, IJurisdictionLocator locator, IGrainFactory grains) =>
        {
            if (await session.LoadAsync<GardenView>(gardenId, http.RequestAborted) is not { } garden)
                return NotFound();
            if (await EcoAccess.MayManageAsync(http.User, locator, garden, http.RequestAborted) is { } denied)
                return denied;
            var lapsed = await grains.GetGrain<IGardenGrain>(gardenId).SweepExpiredOffersAsync(http.Context("候补递补确认期限已过"));
            return Results.Ok(new SweepAnswer(lapsed));
        }).RequireAuthorization(PlatformPolicies.EditCommunityData).Produces<SweepAnswer>();
    }

    private static async Task<IResult> CreateAsync(HttpContext http, IQuerySession session, IJurisdictionLocator locator, IGrainFactory grains)
    {
        var (body, problem) = await RequestBody.ReadAsync<CreateGardenRequest>(http);
        if (problem is not null)
            return problem;
        var c = body!;
        if (string.IsNullOrWhiteSpace(c.Name))
            return RequestBody.Missing("name", "园地名称");
        if (c.Name.Trim().Length > 100)
            return ProblemResults.Problem(400, "name", "The name is longer than 100 characters.", "名称超过 100 个字符。");
        if (!GardenKinds.IsKnown(c.Kind))
            return ProblemResults.Problem(400, "kind", "'kind' is 'edible' (菜园) or 'green' (绿地).", "类型须为 edible（菜园）或 green（绿地）。");
        var (site, invalid) = GeometryInput.Parse(c.Geometry);
        if (invalid is not null)
            return invalid;
        if (site is not (Polygon or MultiPolygon))
            return ProblemResults.Problem(400, "geometry", $"A garden site is a Polygon or MultiPolygon, not a {site!.GeometryType}.", "园地范围须为多边形。");
        var area = GeometryMeasurement.AreaSquareMetres(site);

        var hand = new List<string>();
        var pathWidth = c.PathWidthMetres ?? DefaultPathWidthMetres;
        var minFraction = c.MinPlotFraction ?? DefaultMinPlotFraction;
        if (c.Plots is { Count: > 0 })
        {
            if (c.Plots.Count > GridSubdivision.MaxPlots)
                return ProblemResults.Problem(400, "plots", $"At most {GridSubdivision.MaxPlots} plots.", $"地块最多 {GridSubdivision.MaxPlots} 块。");
            for (var i = 0; i < c.Plots.Count; i++)
            {
                var (plot, bad) = GeometryInput.Parse(c.Plots[i], $"plots[{i}]");
                if (bad is not null)
                    return bad;
                if (plot is not Polygon)
                    return ProblemResults.Problem(400, $"plots[{i}]", "A plot is one Polygon.", "地块须为单个多边形。");
                hand.Add(WellKnownText.Write(plot));
            }
        }
        else
        {
            if (c.TargetPlotSquareMetres is not { } target)
                return ProblemResults.Problem(400, "targetPlotSquareMetres", "Give a target plot size in m² for a grid, or hand-drawn 'plots'.", "请给出网格地块目标面积（平方米）或手绘地块。");
            if (!double.IsFinite(target) || target < 1 || target > 10_000)
                return ProblemResults.Problem(400, "targetPlotSquareMetres", "The target plot size is between 1 and 10 000 m².", "目标地块面积须在 1 至 10000 平方米之间。");
            if (!double.IsFinite(pathWidth) || pathWidth < 0 || pathWidth > 20)
                return ProblemResults.Problem(400, "pathWidthMetres", "The path width is between 0 and 20 m.", "步道宽度须在 0 至 20 米之间。");
            if (!double.IsFinite(minFraction) || minFraction <= 0 || minFraction > 1)
                return ProblemResults.Problem(400, "minPlotFraction", "The smallest kept plot is a fraction of the target above 0 and at most 1.", "最小保留地块比例须大于 0 且不超过 1。");
            if (area / target > GridSubdivision.MaxPlots)
                return ProblemResults.Problem(400, "targetPlotSquareMetres", $"The site of {area:0} m² would make more than {GridSubdivision.MaxPlots} plots of {target} m².", "地块数量过多，请增大目标面积。");
            if (target > area)
                return ProblemResults.Problem(400, "targetPlotSquareMetres", $"The target plot size exceeds the site's {area:0.#} m².", "目标地块面积大于园地面积。");
        }
        var acceptHours = c.AcceptOfferHours ?? DefaultAcceptOfferHours;
        if (!double.IsFinite(acceptHours) || acceptHours < 1 || acceptHours > 720)
            return ProblemResults.Problem(400, "acceptOfferHours", "The time to accept an offer is between 1 and 720 hours.", "递补确认期限须在 1 至 720 小时之间。");

        var seasons = new List<SeasonTerm>();
        var inputs = c.Seasons is { Count: > 0 } given ? given : [new SeasonInput(EcoAccess.Today.Year.ToString(CultureInfo.InvariantCulture), new DateOnly(EcoAccess.Today.Year, 1, 1), new DateOnly(EcoAccess.Today.Year, 12, 31))];
        for (var i = 0; i < inputs.Count; i++)
        {
            if (ValidSeason(inputs[i]) is not { } term)
                return SeasonProblem(inputs[i], $"seasons[{i}].");
            if (seasons.Any(s => s.Season == term.Season || (s.StartsOn <= term.EndsOn && term.StartsOn <= s.EndsOn)))
                return ProblemResults.Problem(400, $"seasons[{i}]", "Season terms must have distinct names and must not overlap.", "各季名称不得重复，期限不得重叠。");
            seasons.Add(term);
        }

        var point = GeometryMeasurement.InteriorPoint(site);
        var community = (await locator.LocateAsync(point.X, point.Y, EcoAccess.Today, http.RequestAborted)).Community;
        if (!http.User.MayEditCommunity(community?.Code))
        {
            return ProblemResults.Problem(403, "geometry", $"Workers lay out gardens inside their own community only; this site lies in {community?.Name ?? "no community"}.",
                $"社区工作者只能在本社区规划园地；该范围位于{community?.Name ?? "社区以外"}。");
        }

        var id = Guid.NewGuid();
        var command = new LayOutGarden(c.Name.Trim(), c.Kind!, WellKnownText.Write(site), hand.Count > 0 ? "hand" : "grid",
            hand.Count > 0 ? null : c.TargetPlotSquareMetres, hand.Count > 0 ? 0 : pathWidth, minFraction, hand, seasons, acceptHours, community?.Code, community?.Name);
        var result = await grains.GetGrain<IGardenGrain>(id).LayOutAsync(command, http.Context());
        if (result.Rejection is { } r)
            return r.ToProblem();
        var garden = await session.LoadAsync<GardenView>(id, http.RequestAborted);
        var plots = await session.Query<PlotView>().Where(p => p.GardenId == id).ToListAsync(http.RequestAborted);
        return Results.Created($"/api/scenes/ecological/gardens/{id}", await SummaryAsync(garden!, plots.ToList(), locator, true, http.RequestAborted));
    }

    /// <summary>What anyone may see of a garden: no household, no contact.</summary>
    private static async Task<GardenSummary> SummaryAsync(GardenView g, List<PlotView> plots, IJurisdictionLocator locator, bool withGeometry, CancellationToken ct)
    {
        var (code, name) = await EcoAccess.CommunityOfAsync(locator, g, EcoAccess.Today, ct);
        var current = g.SeasonOn(EcoAccess.Today);
        var statuses = current is null ? [] : plots.GroupBy(p => p.StatusIn(current.Season)).ToDictionary(s => s.Key, s => s.Count());
        return new GardenSummary(
            g.Id, g.Name, g.Kind, GardenKinds.Zh(g.Kind), new CommunityName(code, name), g.AreaSquareMetres, g.Layout,
            g.TargetPlotSquareMetres, g.PathWidthMetres, g.AcceptOfferHours, g.Seasons, current?.Season, plots.Count,
            Math.Round(plots.Sum(p => p.AreaSquareMetres), 2),
            new PlotCounts(statuses.GetValueOrDefault(PlotStatus.Free), statuses.GetValueOrDefault(PlotStatus.Claimed),
                statuses.GetValueOrDefault(PlotStatus.Offered), statuses.GetValueOrDefault(PlotStatus.Reserved)),
            withGeometry ? EcoJson.GeoJsonOf(g.BoundaryWkt) : null);
    }

    /// <summary>A plot's public attributes in a season: no household, no contact.</summary>
    public static PublicPlot PublicPlotOf(PlotView p, string season)
    {
        var status = p.StatusIn(season);
        return new PublicPlot(p.GardenId, p.Number, p.AreaSquareMetres, p.Layout, season, status, PlotStatus.Zh(status),
            status == PlotStatus.Offered ? p.Offer!.Deadline : null);
    }

    public static SeasonTerm? SeasonOf(GardenView garden, string? season) =>
        string.IsNullOrWhiteSpace(season) ? garden.SeasonOn(EcoAccess.Today) : garden.Term(season.Trim());

    public static IResult UnknownSeason(GardenView garden, string? season) =>
        ProblemResults.Problem(404, "season", $"Garden {garden.Name} has no season '{season}' (seasons: {string.Join(", ", garden.Seasons.Select(s => s.Season))}).",
            $"该园地没有“{season}”季。");

    public static IResult NotFound() => ProblemResults.Problem(404, "gardenId", "No garden has this id.", "未找到该园地。");

    public static IResult UnknownHousehold(string field) =>
        ProblemResults.Problem(404, field, "No household is registered under this id.", "未找到该住户的报名登记。");

    private static SeasonTerm? ValidSeason(SeasonInput s) =>
        !string.IsNullOrWhiteSpace(s.Season) && s.Season.Trim().Length <= 32 && s.StartsOn is { } from && s.EndsOn is { } to && from <= to
            ? new SeasonTerm(s.Season.Trim(), from, to)
            : null;

    private static IResult SeasonProblem(SeasonInput s, string prefix) =>
        string.IsNullOrWhiteSpace(s.Season) ? RequestBody.Missing(prefix + "season", "季名称")
        : s.Season.Trim().Length > 32 ? ProblemResults.Problem(400, prefix + "season", "A season name has at most 32 characters.", "季名称不超过 32 个字符。")
        : s.StartsOn is null ? RequestBody.Missing(prefix + "startsOn", "开始日期")
        : s.EndsOn is null ? RequestBody.Missing(prefix + "endsOn", "结束日期")
        : ProblemResults.Problem(400, prefix + "endsOn", "A season ends on or after the day it starts.", "结束日期不得早于开始日期。");
}
