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
        }).WithRequestBody<OpenRoundRequest>().RequireAuthorization(PlatformPolicies.EditCommunityData).Produces<LotteryRoundView>(StatusCodes.Status201Created);

        scene.MapGet(rounds, async (Guid gardenId, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            if (await session.LoadAsync<GardenView>(gardenId, ct) is not { } garden)
                return GardenEndpoints.NotFound();
            var answers = new List<LotteryRoundView>();
            foreach (var round in garden.Rounds)
                answers.Add(await RoundAsync(http, session, garden, round.RoundId, ct));
            return Results.Ok(answers);
        }).Produces<List<LotteryRoundView>>();

        scene.MapGet(rounds + "/{roundId:guid}", async (Guid gardenId, Guid roundId, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            if (await session.LoadAsync<GardenView>(gardenId, ct) is not { } garden)
                return GardenEndpoints.NotFound();
            return garden.Round(roundId) is null ? RoundNotFound() : Results.Ok(await RoundAsync(http, session, garden, roundId, ct));
        }).Produces<LotteryRoundView>();

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
            return result.Rejection is { } r ? r.ToProblem() : Results.Created($"/api/scenes/ecological/gardens/{gardenId}/lottery-rounds/{roundId}", new LotteryEntry(roundId, householdId));
        }).WithRequestBody<EnterRoundRequest>().RequireAuthorization(EcoAccess.Participate).Produces<LotteryEntry>(StatusCodes.Status201Created);

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
        }).WithRequestBody<DrawRequest>().RequireAuthorization(PlatformPolicies.EditCommunityData).Produces<LotteryRoundView>();

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
            return Results.Ok(new LotteryReplay(roundId, draw.Algorithm, draw.Seed.ToString(CultureInfo.InvariantCulture), entrant.Describes,
                [.. draw.Entrants.Select(entrant.Name)], [.. draw.Winners.Select(w => entrant.Win(w, null))], [.. winners.Select(w => entrant.Win(w, null))],
                [.. draw.Order.Select(entrant.Name)], [.. order.Select(entrant.Name)],
                order.SequenceEqual(draw.Order) && winners.SequenceEqual(draw.Winners)));
        }).Produces<LotteryReplay>();
    }

    /// <summary>
    /// A round as anyone may audit it: plots by number, entrants by their ticket (the order they entered in) — the
    /// household ids behind the tickets only for staff — and the caller's own tickets.
    /// </summary>
    private static async Task<LotteryRoundView> RoundAsync(HttpContext http, IQuerySession session, GardenView garden, Guid roundId, CancellationToken ct)
    {
        var round = garden.Round(roundId)!;
        var numbers = (await session.LoadManyAsync<PlotView>(ct, round.PlotIds.ToArray())).ToDictionary(p => p.Id, p => p.Number);
        var entrant = EntrantNames.For(http.User, round);
        var me = http.User.UserName();
        var mine = http.User.Identity?.IsAuthenticated == true
            ? (await session.Query<HouseholdView>().Where(h => h.RegisteredBy == me).Select(h => h.Id).ToListAsync(ct)).ToHashSet()
            : [];
        var draw = round.Draw;
        return new LotteryRoundView(
            roundId, garden.Id, round.Season, round.OpenedAt,
            [.. round.PlotIds.Select(p => new LotteryPlot(p, numbers.GetValueOrDefault(p)))],
            entrant.Describes,
            [.. round.Entrants.Select(entrant.Name)],
            [.. round.Entrants.Where(mine.Contains).Select(EntrantNames.TicketsOf(round).Name)],
            draw is not null,
            draw is null ? null : new LotteryDrawView(
                draw.Algorithm, draw.Seed.ToString(CultureInfo.InvariantCulture), draw.Oversubscribed,
                [.. draw.Entrants.Select(entrant.Name)], draw.PlotIds, [.. draw.Order.Select(entrant.Name)],
                [.. draw.Winners.Select(w => entrant.Win(w, numbers.GetValueOrDefault(w.PlotId)))],
                [.. draw.WaitingList.Select(entrant.Name)], draw.DrawnAt));
    }

    private static IResult RoundNotFound() => ProblemResults.Problem(404, "roundId", "No lottery round of this garden has this id.", "未找到该摇号轮次。");
}

/// <summary>
/// A lottery round as anyone may audit it. Entrants are named as <see cref="EntrantsAre"/> says: by household id for
/// staff (<c>householdId</c>), by ticket — the order they entered in — for everyone else (<c>ticket</c>).
/// </summary>
/// <param name="YourTickets">The tickets of the caller's own households.</param>
internal sealed record LotteryRoundView(Guid RoundId, Guid GardenId, string Season, DateTimeOffset OpenedAt, IReadOnlyList<LotteryPlot> Plots,
    string EntrantsAre, IReadOnlyList<object> Entrants, IReadOnlyList<object> YourTickets, bool Drawn, LotteryDrawView? Draw);

/// <summary>A plot offered in a round.</summary>
internal sealed record LotteryPlot(Guid PlotId, string? Number);

/// <summary>
/// A round's draw: the algorithm and seed anyone can replay it with, who was eligible, the shuffled order, the winners
/// (each entrant with the plot won, keyed as <c>EntrantsAre</c>) and the waiting list that follows.
/// </summary>
internal sealed record LotteryDrawView(string Algorithm, string Seed, bool Oversubscribed, IReadOnlyList<object> EligibleEntrants, IReadOnlyList<Guid> PlotOrder,
    IReadOnlyList<object> Order, IReadOnlyList<Dictionary<string, object?>> Winners, IReadOnlyList<object> WaitingList, DateTimeOffset DrawnAt);

/// <summary>A household entered in a round.</summary>
internal sealed record LotteryEntry(Guid RoundId, Guid HouseholdId);

/// <summary>The draw replayed from its seed beside what was recorded; <see cref="Matches"/> is true when they agree.</summary>
internal sealed record LotteryReplay(Guid RoundId, string Algorithm, string Seed, string EntrantsAre, IReadOnlyList<object> EligibleEntrants,
    IReadOnlyList<Dictionary<string, object?>> RecordedWinners, IReadOnlyList<Dictionary<string, object?>> ReplayedWinners,
    IReadOnlyList<object> RecordedOrder, IReadOnlyList<object> ReplayedOrder, bool Matches);
