using System.Globalization;
using System.Text.Json;
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
using Platform.Plugins.Ecological.Lottery;

namespace Platform.Plugins.Ecological.Http;

/// <summary>Open a round over the given free plots (default: every free plot of the season).</summary>
public sealed record OpenRoundRequest(string? Season, List<Guid>? PlotIds);

/// <summary>Enter a household into a round.</summary>
public sealed record EnterRoundRequest(Guid? HouseholdId);

/// <summary>Draw; <c>seed</c> (an unsigned 64-bit integer, as number or string) is drawn at random when absent and recorded either way.</summary>
public sealed record DrawRequest(JsonElement? Seed);

internal static class LotteryEndpoints
{
    public static void MapLotteryEndpoints(this IEndpointRouteBuilder scene)
    {
        const string rounds = "/gardens/{gardenId:guid}/lottery-rounds";

        scene.MapPost(rounds, async (Guid gardenId, HttpContext http, IQuerySession session, IJurisdictionLocator locator, IGrainFactory grains) =>
        {
            if (await session.LoadAsync<GardenView>(gardenId, http.RequestAborted) is not { } garden)
                return GardenEndpoints.NotFound();
            if (await EcoAccess.MayManageAsync(http.User, locator, garden, http.RequestAborted) is { } denied)
                return denied;
            var (body, problem) = await RequestBody.ReadAsync<OpenRoundRequest>(http);
            if (problem is not null)
                return problem;
            if (GardenEndpoints.SeasonOf(garden, body!.Season) is not { } term)
                return GardenEndpoints.UnknownSeason(garden, body.Season);
            var roundId = Guid.NewGuid();
            var result = await grains.GetGrain<IGardenGrain>(gardenId).OpenLotteryAsync(roundId, term.Season, body.PlotIds ?? [], http.Context("开启摇号"));
            if (result.Rejection is { } r)
                return r.ToProblem();
            return Results.Created($"/api/scenes/ecological{rounds.Replace("{gardenId:guid}", gardenId.ToString())}/{roundId}",
                await RoundAsync(http, session, (await session.LoadAsync<GardenView>(gardenId, http.RequestAborted))!, roundId, http.RequestAborted));
        }).WithRequestBody<OpenRoundRequest>().RequireAuthorization(PlatformPolicies.EditCommunityData);

        scene.MapGet(rounds, async (Guid gardenId, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            if (await session.LoadAsync<GardenView>(gardenId, ct) is not { } garden)
                return GardenEndpoints.NotFound();
            var answers = new List<object>();
            foreach (var round in garden.Rounds)
                answers.Add(await RoundAsync(http, session, garden, round.RoundId, ct));
            return Results.Ok(answers);
        });

        scene.MapGet(rounds + "/{roundId:guid}", async (Guid gardenId, Guid roundId, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            if (await session.LoadAsync<GardenView>(gardenId, ct) is not { } garden)
                return GardenEndpoints.NotFound();
            return garden.Round(roundId) is null ? RoundNotFound() : Results.Ok(await RoundAsync(http, session, garden, roundId, ct));
        });

        scene.MapPost(rounds + "/{roundId:guid}/entries", async (Guid gardenId, Guid roundId, HttpContext http, IQuerySession session, IJurisdictionLocator locator, IGrainFactory grains) =>
        {
            if (await session.LoadAsync<GardenView>(gardenId, http.RequestAborted) is not { } garden)
                return GardenEndpoints.NotFound();
            if (garden.Round(roundId) is null)
                return RoundNotFound();
            var (body, problem) = await RequestBody.ReadAsync<EnterRoundRequest>(http);
            if (problem is not null)
                return problem;
            if (body!.HouseholdId is not { } householdId)
                return RequestBody.Missing("householdId", "住户编号");
            if (await session.LoadAsync<HouseholdView>(householdId, http.RequestAborted) is not { } household)
                return GardenEndpoints.UnknownHousehold("householdId");
            if (await EcoAccess.MayActForAsync(http.User, household, locator, garden, "householdId", http.RequestAborted) is { } denied)
                return denied;
            var result = await grains.GetGrain<IGardenGrain>(gardenId).EnterLotteryAsync(roundId, householdId, http.Context("参加摇号"));
            return result.Rejection is { } r ? r.ToProblem() : Results.Created($"/api/scenes/ecological/gardens/{gardenId}/lottery-rounds/{roundId}", new { roundId, householdId });
        }).WithRequestBody<EnterRoundRequest>().RequireAuthorization(EcoAccess.Participate);

        scene.MapPost(rounds + "/{roundId:guid}/draw", async (Guid gardenId, Guid roundId, HttpContext http, IQuerySession session, IJurisdictionLocator locator, IGrainFactory grains) =>
        {
            if (await session.LoadAsync<GardenView>(gardenId, http.RequestAborted) is not { } garden)
                return GardenEndpoints.NotFound();
            if (await EcoAccess.MayManageAsync(http.User, locator, garden, http.RequestAborted) is { } denied)
                return denied;
            var (body, problem) = await RequestBody.ReadAsync<DrawRequest>(http);
            if (problem is not null)
                return problem;
            ulong? seed = null;
            if (body!.Seed is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } s)
            {
                var text = s.ValueKind == JsonValueKind.String ? s.GetString() : s.GetRawText();
                if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                    return ProblemResults.Problem(400, "seed", "The seed is an unsigned 64-bit integer (0 – 18446744073709551615).", "随机种子须为 64 位无符号整数。");
                seed = parsed;
            }
            var result = await grains.GetGrain<IGardenGrain>(gardenId).DrawLotteryAsync(roundId, seed, http.Context("摇号开奖"));
            if (result.Rejection is { } r)
                return r.ToProblem();
            return Results.Ok(await RoundAsync(http, session, (await session.LoadAsync<GardenView>(gardenId, http.RequestAborted))!, roundId, http.RequestAborted));
        }).WithRequestBody<DrawRequest>().RequireAuthorization(PlatformPolicies.EditCommunityData);

        scene.MapGet(rounds + "/{roundId:guid}/replay", async (Guid gardenId, Guid roundId, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            if (await session.LoadAsync<GardenView>(gardenId, ct) is not { } garden)
                return GardenEndpoints.NotFound();
            if (garden.Round(roundId) is not { } round)
                return RoundNotFound();
            if (round.Draw is not { } draw)
                return ProblemResults.Problem(409, "roundId", "The round has not been drawn yet.", "该轮摇号尚未开奖。");
            var order = draw.Oversubscribed ? LotteryDraw.Shuffle(draw.Entrants, draw.Seed) : draw.Entrants;
            var winners = order.Take(draw.PlotIds.Count).Select((h, i) => new LotteryWin(h, draw.PlotIds[i])).ToList();
            var entrant = EntrantNames.For(http.User, round);
            return Results.Ok(new
            {
                roundId,
                algorithm = draw.Algorithm,
                seed = draw.Seed.ToString(CultureInfo.InvariantCulture),
                entrantsAre = entrant.Describes,
                eligibleEntrants = draw.Entrants.Select(entrant.Name),
                recordedWinners = draw.Winners.Select(w => entrant.Win(w, null)),
                replayedWinners = winners.Select(w => entrant.Win(w, null)),
                recordedOrder = draw.Order.Select(entrant.Name),
                replayedOrder = order.Select(entrant.Name),
                matches = order.SequenceEqual(draw.Order) && winners.SequenceEqual(draw.Winners),
            });
        });
    }

    /// <summary>
    /// A round as anyone may audit it: plots by number, entrants by their ticket (the order they entered in) — the
    /// household ids behind the tickets only for staff — and the caller's own tickets.
    /// </summary>
    private static async Task<object> RoundAsync(HttpContext http, IQuerySession session, GardenView garden, Guid roundId, CancellationToken ct)
    {
        var round = garden.Round(roundId)!;
        var numbers = (await session.LoadManyAsync<PlotView>(ct, round.PlotIds.ToArray())).ToDictionary(p => p.Id, p => p.Number);
        var entrant = EntrantNames.For(http.User, round);
        var me = http.User.UserName();
        var mine = http.User.Identity?.IsAuthenticated == true
            ? (await session.Query<HouseholdView>().Where(h => h.RegisteredBy == me).Select(h => h.Id).ToListAsync(ct)).ToHashSet()
            : [];
        var draw = round.Draw;
        return new
        {
            roundId,
            gardenId = garden.Id,
            season = round.Season,
            openedAt = round.OpenedAt,
            plots = round.PlotIds.Select(p => new { plotId = p, number = numbers.GetValueOrDefault(p) }),
            entrantsAre = entrant.Describes,
            entrants = round.Entrants.Select(entrant.Name),
            yourTickets = round.Entrants.Where(mine.Contains).Select(EntrantNames.TicketsOf(round).Name),
            drawn = draw is not null,
            draw = draw is null ? null : new
            {
                algorithm = draw.Algorithm,
                seed = draw.Seed.ToString(CultureInfo.InvariantCulture),
                oversubscribed = draw.Oversubscribed,
                eligibleEntrants = draw.Entrants.Select(entrant.Name),
                plotOrder = draw.PlotIds,
                order = draw.Order.Select(entrant.Name),
                winners = draw.Winners.Select(w => entrant.Win(w, numbers.GetValueOrDefault(w.PlotId))),
                waitingList = draw.WaitingList.Select(entrant.Name),
                drawnAt = draw.DrawnAt,
            },
        };
    }

    private static IResult RoundNotFound() => ProblemResults.Problem(404, "roundId", "No lottery round of this garden has this id.", "未找到该摇号轮次。");
}
