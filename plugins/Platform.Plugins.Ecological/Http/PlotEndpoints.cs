using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Security;
using Platform.Plugins.Ecological.Gardens;
using Platform.Plugins.Ecological.Households;

namespace Platform.Plugins.Ecological.Http;

/// <summary><c>{"householdId":…,"season":…}</c> for claims, releases, offers; <c>season</c> defaults to the garden's current season.</summary>
public sealed record HouseholdPlotRequest(Guid? HouseholdId, string? Season);

/// <summary>Staff move a season's tenancy from one household to another.</summary>
public sealed record TransferRequest(Guid? FromHouseholdId, Guid? ToHouseholdId, string? Season, string? Reason);

/// <summary>The holder of <c>fromSeason</c> (default: current) keeps the plot for <c>season</c>.</summary>
public sealed record RenewalRequest(Guid? HouseholdId, string? FromSeason, string? Season);

internal static class PlotEndpoints
{
    public static void MapPlotEndpoints(this IEndpointRouteBuilder scene)
    {
        scene.MapGet("/plots/{plotId:guid}", async (Guid plotId, string? season, IQuerySession session, CancellationToken ct) =>
        {
            if (await session.LoadAsync<PlotView>(plotId, ct) is not { } plot)
                return PlotNotFound();
            var garden = (await session.LoadAsync<GardenView>(plot.GardenId, ct))!;
            if (GardenEndpoints.SeasonOf(garden, season) is not { } term)
                return GardenEndpoints.UnknownSeason(garden, season);
            return Results.Ok(new PlotDetail(plot.Id, garden.Name, GardenEndpoints.PublicPlotOf(plot, term.Season),
                [.. garden.Seasons.Select(s => new PlotSeasonStatus(s.Season, plot.StatusIn(s.Season)))], EcoJson.GeoJsonOf(plot.BoundaryWkt)));
        }).Produces<PlotDetail>();

        scene.MapPost("/plots/{plotId:guid}/claims", (Guid plotId, HttpContext http, IQuerySession session, IJurisdictionLocator locator, IGrainFactory grains) =>
            ForHouseholdAsync(plotId, http, session, locator, async (plot, garden, householdId, season) =>
            {
                var result = await grains.GetGrain<IPlotGrain>(plotId).ClaimAsync(householdId, season, http.Context());
                return result.Rejection is { } r
                    ? r.ToProblem()
                    : Results.Created($"/api/scenes/ecological/plots/{plotId}", new ClaimAnswer(plotId, plot.Number, householdId, season, plot.AreaSquareMetres, PlotStatus.Claimed));
            })).WithRequestBody<HouseholdPlotRequest>().RequireAuthorization(EcoAccess.Participate).Produces<ClaimAnswer>(StatusCodes.Status201Created);

        scene.MapPost("/plots/{plotId:guid}/release", (Guid plotId, HttpContext http, IQuerySession session, IJurisdictionLocator locator, IGrainFactory grains) =>
            ForHouseholdAsync(plotId, http, session, locator, async (plot, garden, householdId, season) =>
            {
                var freed = await grains.GetGrain<IGardenGrain>(garden.Id).ReleasePlotAsync(plotId, householdId, season, http.Context("退还地块"));
                return freed.Rejection is { } r
                    ? r.ToProblem()
                    : Results.Ok(new ReleaseAnswer(plotId, season, true, freed.OfferedTo is not null));
            })).WithRequestBody<HouseholdPlotRequest>().RequireAuthorization(EcoAccess.Participate).Produces<ReleaseAnswer>();

        scene.MapPost("/plots/{plotId:guid}/offer/accept", (Guid plotId, HttpContext http, IQuerySession session, IJurisdictionLocator locator, IGrainFactory grains) =>
            ForHouseholdAsync(plotId, http, session, locator, async (plot, garden, householdId, season) =>
            {
                if (plot.Offer is not { } offer || offer.HouseholdId != householdId)
                    return ProblemResults.Problem(409, "householdId", "The plot is not offered to this household.", "该地块未递补给该住户。");
                var result = await grains.GetGrain<IPlotGrain>(plotId).ClaimAsync(householdId, offer.Season, http.Context("接受递补"));
                return result.Rejection is { } r
                    ? r.ToProblem()
                    : Results.Created($"/api/scenes/ecological/plots/{plotId}", new ClaimAnswer(plotId, plot.Number, householdId, offer.Season, plot.AreaSquareMetres, PlotStatus.Claimed));
            })).WithRequestBody<HouseholdPlotRequest>().RequireAuthorization(EcoAccess.Participate).Produces<ClaimAnswer>(StatusCodes.Status201Created);

        scene.MapPost("/plots/{plotId:guid}/offer/decline", (Guid plotId, HttpContext http, IQuerySession session, IJurisdictionLocator locator, IGrainFactory grains) =>
            ForHouseholdAsync(plotId, http, session, locator, async (plot, garden, householdId, season) =>
            {
                var freed = await grains.GetGrain<IGardenGrain>(garden.Id).DeclineOfferAsync(plotId, householdId, http.Context("放弃递补"));
                return freed.Rejection is { } r
                    ? r.ToProblem()
                    : Results.Ok(new DeclineAnswer(plotId, true, freed.OfferedTo is not null));
            })).WithRequestBody<HouseholdPlotRequest>().RequireAuthorization(EcoAccess.Participate).Produces<DeclineAnswer>();

        scene.MapPost("/plots/{plotId:guid}/renewals", async (Guid plotId, HttpContext http, IQuerySession session, IJurisdictionLocator locator, IGrainFactory grains) =>
        {
            if (await session.LoadAsync<PlotView>(plotId, http.RequestAborted) is not { } plot)
                return PlotNotFound();
            var garden = (await session.LoadAsync<GardenView>(plot.GardenId, http.RequestAborted))!;
            var (body, problem) = await RequestBody.ReadAsync<RenewalRequest>(http);
            if (problem is not null)
                return problem;
            if (body!.HouseholdId is not { } householdId)
                return RequestBody.Missing("householdId", "住户编号");
            if (GardenEndpoints.SeasonOf(garden, body.FromSeason) is not { } from)
                return GardenEndpoints.UnknownSeason(garden, body.FromSeason);
            if (string.IsNullOrWhiteSpace(body.Season))
                return RequestBody.Missing("season", "续期季");
            if (garden.Term(body.Season.Trim()) is not { } to)
                return ProblemResults.Problem(404, "season", $"Season '{body.Season}' is not open in garden {garden.Name}; staff open it first.", $"该园地尚未设立“{body.Season}”季。");
            if (to.StartsOn <= from.StartsOn)
                return ProblemResults.Problem(400, "season", $"A renewal is for a season after {from.Season}.", $"续期须针对 {from.Season} 季之后的季。");
            if (await session.LoadAsync<HouseholdView>(householdId, http.RequestAborted) is not { } household)
                return GardenEndpoints.UnknownHousehold("householdId");
            if (await EcoAccess.MayActForAsync(http.User, household, locator, garden, "householdId", http.RequestAborted) is { } denied)
                return denied;
            var result = await grains.GetGrain<IPlotGrain>(plotId).RenewAsync(householdId, from.Season, to.Season, http.Context("续期"));
            return result.Rejection is { } r
                ? r.ToProblem()
                : Results.Created($"/api/scenes/ecological/plots/{plotId}", new RenewalAnswer(plotId, plot.Number, householdId, from.Season, to.Season));
        }).WithRequestBody<RenewalRequest>().RequireAuthorization(EcoAccess.Participate).Produces<RenewalAnswer>(StatusCodes.Status201Created);

        scene.MapPost("/plots/{plotId:guid}/transfer", async (Guid plotId, HttpContext http, IQuerySession session, IJurisdictionLocator locator, IGrainFactory grains) =>
        {
            if (await session.LoadAsync<PlotView>(plotId, http.RequestAborted) is not { } plot)
                return PlotNotFound();
            var garden = (await session.LoadAsync<GardenView>(plot.GardenId, http.RequestAborted))!;
            if (await EcoAccess.MayManageAsync(http.User, locator, garden, http.RequestAborted) is { } denied)
                return denied;
            var (body, problem) = await RequestBody.ReadAsync<TransferRequest>(http);
            if (problem is not null)
                return problem;
            if (body!.FromHouseholdId is not { } from)
                return RequestBody.Missing("fromHouseholdId", "转出住户");
            if (body.ToHouseholdId is not { } to)
                return RequestBody.Missing("toHouseholdId", "转入住户");
            if (GardenEndpoints.SeasonOf(garden, body.Season) is not { } term)
                return GardenEndpoints.UnknownSeason(garden, body.Season);
            if (await session.LoadAsync<HouseholdView>(to, http.RequestAborted) is null)
                return GardenEndpoints.UnknownHousehold("toHouseholdId");
            var result = await grains.GetGrain<IPlotGrain>(plotId).TransferAsync(from, to, term.Season, http.Context(body.Reason ?? "地块转让"));
            return result.Rejection is { } r
                ? r.ToProblem()
                : Results.Ok(new TransferAnswer(plotId, plot.Number, term.Season, from, to));
        }).WithRequestBody<TransferRequest>().RequireAuthorization(PlatformPolicies.EditCommunityData).Produces<TransferAnswer>();
    }

    /// <summary>Reads <see cref="HouseholdPlotRequest"/>, checks plot, garden, season, household and the caller's right to act for it.</summary>
    private static async Task<IResult> ForHouseholdAsync(Guid plotId, HttpContext http, IQuerySession session, IJurisdictionLocator locator,
        Func<PlotView, GardenView, Guid, string, Task<IResult>> act)
    {
        if (await session.LoadAsync<PlotView>(plotId, http.RequestAborted) is not { } plot)
            return PlotNotFound();
        var garden = (await session.LoadAsync<GardenView>(plot.GardenId, http.RequestAborted))!;
        var (body, problem) = await RequestBody.ReadAsync<HouseholdPlotRequest>(http);
        if (problem is not null)
            return problem;
        if (body!.HouseholdId is not { } householdId)
            return RequestBody.Missing("householdId", "住户编号");
        if (GardenEndpoints.SeasonOf(garden, body.Season) is not { } term)
            return GardenEndpoints.UnknownSeason(garden, body.Season);
        if (await session.LoadAsync<HouseholdView>(householdId, http.RequestAborted) is not { } household)
            return GardenEndpoints.UnknownHousehold("householdId");
        if (await EcoAccess.MayActForAsync(http.User, household, locator, garden, "householdId", http.RequestAborted) is { } denied)
            return denied;
        return await act(plot, garden, householdId, term.Season);
    }

    public static IResult PlotNotFound() => ProblemResults.Problem(404, "plotId", "No plot has this id.", "未找到该地块。");
}
