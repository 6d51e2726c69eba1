using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Maps;
using Platform.Abstractions.Registers;
using Platform.Abstractions.Security;
using Platform.Plugins.Service.Coverage;
using Platform.Plugins.Service.LifeCircles;
using Platform.Plugins.Service.Projects;

namespace Platform.Plugins.Service;

internal static class ServiceEndpoints
{
    public sealed record SitingBody(string? Category, int? K, double[][]? Candidates, bool? FromSites, double? GridMetres);

    public sealed record ProjectBody(string? Name, string? Kind, string? Compound, double? Lon, double? Lat, double? AreaSquareMetres, string? Status, DateOnly? Since);

    public sealed record StatusBody(string? Status, DateOnly? Date, string? Reason);

    public static void Map(IEndpointRouteBuilder scene)
    {
        scene.MapGet("/coverage", async (string? date, CoverageService coverage, CancellationToken ct) =>
        {
            if (!TryDate(date, out var d))
                return ProblemResults.Problem(400, "date", "date must be YYYY-MM-DD.", "日期格式须为 YYYY-MM-DD。");
            var result = await coverage.ComputeAsync(d, ct);
            return Results.Ok(new CoverageAnswer(d, result.Method, result.MethodZh, result.Standard.DetourFactor, result.Standard.MaxSnapMetres,
                NetworkSummary(result.Distances.Network), result.Standard.Levels, result.Compounds, CoverageCalculator.ByCommunity(result.Compounds)));
        }).RequireRateLimiting(PlatformRateLimits.Expensive) // Public (the map's coverage panel) and cached per committed change, but limited per caller.
            .Produces<CoverageAnswer>();

        scene.MapGet("/standard", async (CoverageService coverage, CancellationToken ct) => await coverage.StandardAsync(ct));

        scene.MapGet("/standard/history", (Func<HttpContext, Task<IResult>>)(http => StreamHistory.AnswerAsync<StandardInForce>(http, StandardGrain.Stream))).RequireAuthorization(PlatformPolicies.Staff)
            .Produces<List<HistoryEntry>>();

        scene.MapPut("/standard", async (HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<LifeCircleStandard>(http);
            if (bad is not null)
                return bad;
            if (body!.Levels is null)
                return RequestBody.Missing("levels", "生活圈层级");
            var result = await grains.GetGrain<IStandardGrain>("standard").AdjustAsync(body with { Levels = body.Levels.Select(l => l with { Categories = l.Categories ?? [] }).ToArray() },
                http.User.ToCommandContext("调整生活圈参数", http.TraceIdentifier));
            return result.Rejection is { } r ? r.ToProblem() : Results.Ok(body);
        }).WithRequestBody<LifeCircleStandard>().RequireAuthorization(PlatformPolicies.Administer).Produces<LifeCircleStandard>();

        scene.MapPost("/siting", async (HttpContext http, CoverageService coverage, IRegisterReader registers, IJurisdictionLocator jurisdiction, ILayerCatalog layers) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<SitingBody>(http);
            if (bad is not null)
                return bad;
            var result = await coverage.ComputeAsync(DateOnly.FromDateTime(DateTime.Today), http.RequestAborted);
            var standard = result.Standard;
            if (body!.Category is not { } category || !standard.Levels.Any(l => l.Categories.Contains(category)))
                return ProblemResults.Problem(400, "category", "category must be one the life-circle standard requires (GET …/standard).", "设施类别须为生活圈标准所要求的类别。");
            if (body.K is not (>= 1 and <= 50) || body.K is not { } k)
                return ProblemResults.Problem(400, "k", "k is how many sites to choose, 1 to 50.", "k 为拟选址数量，须在 1 至 50 之间。");
            var candidates = new List<SitingCandidate>();
            if (body.Candidates is { Length: > 1000 })
                return ProblemResults.Problem(400, "candidates", "At most 1000 candidates.", "候选点最多 1000 个。");
            for (var i = 0; i < (body.Candidates?.Length ?? 0); i++)
            {
                var p = body.Candidates![i];
                if (p is not { Length: 2 } || !double.IsFinite(p[0]) || !double.IsFinite(p[1]) || p[0] is < 73 or > 136 || p[1] is < 3 or > 54)
                    return ProblemResults.Problem(400, $"candidates[{i}]", "Each candidate is [lon, lat] in EPSG:4490 within China.", "候选点须为中国境内的 [经度, 纬度]。");
                candidates.Add(new SitingCandidate($"候选点{i + 1}", p[0], p[1]));
            }
            if (body.FromSites == true)
            {
                candidates.AddRange((await registers.SitesAsync(DateOnly.FromDateTime(DateTime.Today), http.RequestAborted))
                    .Where(s => s.Status is "proposed" or "approved")
                    .Select(s => new SitingCandidate(s.Name, s.Lon, s.Lat)));
            }
            if (body.GridMetres is { } spacing)
            {
                if (!double.IsFinite(spacing) || spacing is < 50 or > 2000)
                    return ProblemResults.Problem(400, "gridMetres", "gridMetres, the spacing of vacant-land candidates, is 50 to 2000 m.", "空地候选网格间距须在 50 至 2000 米之间。");
                try
                {
                    var vacant = await VacantLand.CandidatesAsync(spacing, DateOnly.FromDateTime(DateTime.Today), jurisdiction, layers, http.RequestAborted);
                    if (vacant is null)
                        return ProblemResults.Problem(400, "gridMetres", "No street territory is recorded, so there is no vacant land to search.", "尚未登记街道辖区范围，无法生成空地候选点。");
                    candidates.AddRange(vacant);
                }
                catch (VacantLand.TooManyCandidatesException e)
                {
                    return ProblemResults.Problem(400, "gridMetres",
                        $"A {spacing} m grid gives {e.Count} candidates, more than {VacantLand.MaxCandidates}; use a larger gridMetres.",
                        $"间距 {spacing} 米的网格有 {e.Count} 个候选点，超过 {VacantLand.MaxCandidates} 个，请加大间距。");
                }
            }
            if (candidates.Count == 0)
                return ProblemResults.Problem(400, "candidates", "Give candidate points, fromSites=true to use proposed and approved planning sites, or gridMetres for vacant land.", "请提供候选点，或设置 fromSites=true 使用拟建、已批复的规划点位，或设置 gridMetres 在空地上生成候选点。");
            var choices = GreedySiting.Choose(category, k, candidates, result.Compounds, result.Distances);
            var methods = candidates.Select(c => result.Distances.MethodAt(c.Lon, c.Lat)).Distinct().ToList();
            return Results.Ok(new SitingAnswer(category, k, candidates.Count, methods.Count == 1 ? methods[0] : "mixed", standard.DetourFactor, choices));
        }).WithRequestBody<SitingBody>()
            // A computation over the registers sent by POST: it records nothing, but costs seconds of CPU, so it is for signed-in users, a few at a time.
            .RequireAuthorization(PlatformPolicies.SignedIn).RequireRateLimiting(PlatformRateLimits.Expensive)
            .Produces<SitingAnswer>();

        scene.MapGet("/projects", async (IQuerySession session, CancellationToken ct) =>
            (await session.Query<ServiceProject>().ToListAsync(ct)).OrderBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => new { p.Id, p.Name, p.Kind, kindZh = ServiceProjectKinds.Kinds[p.Kind], p.Compound, p.Status, statusZh = ServiceProjectKinds.StatusZh[p.Status], p.AreaSquareMetres, location = new[] { p.Lon, p.Lat }, since = p.Since }));

        scene.MapPost("/projects", async (HttpContext http, IGrainFactory grains, IJurisdictionLocator jurisdiction) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<ProjectBody>(http);
            if (bad is not null)
                return bad;
            if (body!.Lon is not { } lon || body.Lat is not { } lat || !double.IsFinite(lon) || !double.IsFinite(lat))
                return RequestBody.Missing("lon", "位置（lon, lat）");
            if (PlaceChecks.NotInChina(lon, lat) is { } refused)
                return refused;
            var id = Guid.NewGuid();
            var result = await grains.GetGrain<IServiceProjectGrain>(id).RegisterAsync(
                new RegisterServiceProject(body.Name ?? "", body.Kind ?? "", body.Compound, lon, lat, body.AreaSquareMetres ?? 0, body.Status ?? "planned", body.Since ?? DateOnly.FromDateTime(DateTime.Today)),
                http.User.ToCommandContext("登记服务场景项目", http.TraceIdentifier));
            return result.Rejection is { } r ? r.ToProblem() : Results.Created($"/api/scenes/service/projects/{id}", new ProjectCreated(id));
        }).WithRequestBody<ProjectBody>().RequireAuthorization(PlatformPolicies.EditCommunityData).Produces<ProjectCreated>(StatusCodes.Status201Created);

        scene.MapPost("/projects/{id:guid}/status", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<StatusBody>(http);
            if (bad is not null)
                return bad;
            var result = await grains.GetGrain<IServiceProjectGrain>(id).ChangeStatusAsync(body!.Status ?? "", body.Date ?? DateOnly.FromDateTime(DateTime.Today),
                http.User.ToCommandContext(body.Reason ?? "项目进展", http.TraceIdentifier));
            return result.Rejection is { } r ? r.ToProblem() : Results.Ok(new ProjectStatusAnswer(id, body.Status));
        }).WithRequestBody<StatusBody>().RequireAuthorization(PlatformPolicies.EditCommunityData).Produces<ProjectStatusAnswer>();
    }

    private static NetworkAnswer? NetworkSummary(Platform.Spatial.WalkingNetwork network) =>
        network.EdgeCount == 0 ? null : new NetworkAnswer(network.NodeCount, network.EdgeCount, Math.Round(network.LengthMetres, 1),
            network.Components, network.SkippedLines, network.Zone?.Code);

    private static bool TryDate(string? text, out DateOnly date)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            date = DateOnly.FromDateTime(DateTime.Today);
            return true;
        }
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}

/// <summary>A service project registered.</summary>
internal sealed record ProjectCreated(Guid Id);

/// <summary>A service project's status after the change.</summary>
internal sealed record ProjectStatusAnswer(Guid Id, string? Status);

/// <summary>
/// Life-circle coverage on a date: how distances were measured (road network or straight line with the detour factor),
/// the walking network used, the standard's levels, and per compound and community which circles are satisfied.
/// </summary>
internal sealed record CoverageAnswer(DateOnly Date, string Method, string MethodZh, double DetourFactor, double MaxSnapMetres, NetworkAnswer? Network,
    IReadOnlyList<LifeCircleLevel> Standard, IReadOnlyList<CompoundCoverage> Compounds, IReadOnlyList<CommunityCoverage> Communities);

/// <summary>The walking network built from the road layer (null when there are no roads): its size, pieces and projection zone.</summary>
internal sealed record NetworkAnswer(int Nodes, int Edges, double LengthMetres, int Components, int SkippedRoads, string? Zone);

/// <summary>The best <see cref="K"/> sites for a facility category among the candidates, chosen greedily by households newly served.</summary>
internal sealed record SitingAnswer(string Category, int K, int Candidates, string Method, double DetourFactor, IReadOnlyList<SitingChoice> Choices);
