using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Security;
using Platform.Registers.Planning;
using Platform.Registers.Shared;
using Platform.Spatial;

namespace Platform.Registers.Sites;

/// <summary><c>/api/sites</c>: planning and project sites, their lifecycle, boundary edits and history.</summary>
internal static class SiteEndpoints
{
    public sealed record CreateBody(string? Name, string? Category, JsonElement? Geometry, string? Status, DateOnly? StatusSince, decimal? BudgetWan, string? Owner, Guid? ZoneId, string? Reason);

    public sealed record StatusBody(string? Status, DateOnly? Date, string? Reason);

    public sealed record GeometryBody(JsonElement? Geometry, string? Reason);

    public sealed record DetailsBody(string? Name, string? Category, decimal? BudgetWan, string? Owner, Guid? ZoneId, string? Reason);

    public static void MapSiteEndpoints(this IEndpointRouteBuilder app)
    {
        var sites = app.MapGroup("/api/sites");

        sites.MapGet("", async (string? status, string? asOf, IQuerySession session, IJurisdictionLocator jurisdiction, CancellationToken ct) =>
        {
            if (!Wire.TryDate(asOf, out var date))
                return ProblemResults.Problem(400, "asOf", "asOf must be a date YYYY-MM-DD.", "asOf 须为 YYYY-MM-DD 格式的日期。");
            SiteStatus? wanted = null;
            if (status is not null)
            {
                if (!SiteStatuses.TryParse(status, out var s))
                    return ProblemResults.Problem(400, "status", "status is proposed, approved, under_construction, completed or cancelled.", "状态须为 proposed、approved、under_construction、completed 或 cancelled。");
                wanted = s;
            }
            var all = (await session.Query<SiteSummary>().ToListAsync(ct)).Where(s => s.StatusOn(date) is { } st && (wanted is null || st == wanted)).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
            var zones = (await session.Query<PlanningZoneSummary>().ToListAsync(ct)).ToDictionary(z => z.Id, z => z.Name);
            var communities = await jurisdiction.CommunitiesOfAsync(all.Select(s => LabelPoints.Of(s.GeometryWkt)).ToList(), date, ct);
            return Results.Ok(all.Select((s, i) => Describe(s, date, zones, communities[i])).ToList());
        }).Produces<List<SiteView>>();

        sites.MapGet("/{id:guid}", async (Guid id, IQuerySession session, IJurisdictionLocator jurisdiction, CancellationToken ct) =>
        {
            if (await session.LoadAsync<SiteSummary>(id, ct) is not { } s)
                return ProblemResults.Problem(404, "id", $"No site {id}.", "找不到该点位。");
            var zones = (await session.Query<PlanningZoneSummary>().ToListAsync(ct)).ToDictionary(z => z.Id, z => z.Name);
            var community = (await jurisdiction.CommunitiesOfAsync([LabelPoints.Of(s.GeometryWkt)], Wire.Today, ct))[0];
            return Results.Ok(Describe(s, Wire.Today, zones, community));
        }).Produces<SiteView>();

        sites.MapGet("/{id:guid}/history", (Guid id, HttpContext http) => StreamHistory.AnswerAsync<SiteSummary>(http, id)).RequireAuthorization(PlatformPolicies.Staff)
            .Produces<List<HistoryEntry>>();

        var admin = sites.MapGroup("").RequireAuthorization(PlatformPolicies.Administer);

        admin.MapPost("", async (HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<CreateBody>(http);
            if (bad is not null)
                return bad;
            if (string.IsNullOrWhiteSpace(body!.Name))
                return RequestBody.Missing("name", "名称");
            var (geometry, geometryProblem) = GeometryInput.Parse(body.Geometry);
            if (geometryProblem is not null)
                return geometryProblem;
            var status = SiteStatus.Proposed;
            if (body.Status is not null && !SiteStatuses.TryParse(body.Status, out status))
                return ProblemResults.Problem(400, "status", "status is proposed, approved, under_construction or completed.", "状态须为 proposed、approved、under_construction 或 completed。");
            var id = Guid.NewGuid();
            var result = await grains.GetGrain<ISiteGrain>(id).RegisterAsync(
                new RegisterSite(body.Name, body.Category?.Trim() ?? "project", WellKnownText.Write(geometry!), status, body.StatusSince ?? Wire.Today, body.BudgetWan, body.Owner?.Trim(), body.ZoneId),
                http.User.ToCommandContext(body.Reason ?? "登记点位", http.TraceIdentifier));
            return result.AnswerCreated(id, $"/api/sites/{id}");
        }).WithRequestBody<CreateBody>().ProducesWrite(StatusCodes.Status201Created);

        admin.MapPost("/{id:guid}/status", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<StatusBody>(http);
            if (bad is not null)
                return bad;
            if (!SiteStatuses.TryParse(body!.Status, out var to))
                return ProblemResults.Problem(400, "status", "status is proposed, approved, under_construction, completed or cancelled.", "状态须为 proposed、approved、under_construction、completed 或 cancelled。");
            if (string.IsNullOrWhiteSpace(body.Reason))
                return RequestBody.Missing("reason", "变更原因");
            var result = await grains.GetGrain<ISiteGrain>(id).ChangeStatusAsync(new ChangeSiteStatus(to, body.Date ?? Wire.Today), http.User.ToCommandContext(body.Reason, http.TraceIdentifier));
            return result.Rejection is { } r ? r.ToProblem() : Results.Ok(new StatusAnswer(id, result.Version, to.Code()));
        }).WithRequestBody<StatusBody>().Produces<StatusAnswer>();

        admin.MapPut("/{id:guid}/geometry", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<GeometryBody>(http);
            if (bad is not null)
                return bad;
            var (geometry, geometryProblem) = GeometryInput.Parse(body!.Geometry);
            if (geometryProblem is not null)
                return geometryProblem;
            var result = await grains.GetGrain<ISiteGrain>(id).ReshapeAsync(new ReshapeSite(WellKnownText.Write(geometry!)), http.User.ToCommandContext(body.Reason ?? "调整点位范围", http.TraceIdentifier));
            return result.Answer(id);
        }).WithRequestBody<GeometryBody>().ProducesWrite();

        admin.MapPut("/{id:guid}", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<DetailsBody>(http);
            if (bad is not null)
                return bad;
            var result = await grains.GetGrain<ISiteGrain>(id).ReviseAsync(new ReviseSite(body!.Name ?? "", body.Category ?? "project", body.BudgetWan, body.Owner, body.ZoneId),
                http.User.ToCommandContext(body.Reason ?? "修改点位信息", http.TraceIdentifier));
            return result.Answer(id);
        }).WithRequestBody<DetailsBody>().ProducesWrite();
    }

    private static SiteView Describe(SiteSummary s, DateOnly date, IReadOnlyDictionary<Guid, string> zones, UnitRef? community)
    {
        var status = s.StatusOn(date) ?? s.Status;
        return new SiteView(
            s.Id, s.Name, s.Category, status.Code(), status.NameZh(), s.BudgetWan, s.Owner, s.ZoneId,
            s.ZoneId is { } z && zones.TryGetValue(z, out var zn) ? zn : null,
            s.RegisteredOn,
            [.. s.StatusHistory.Select(p => new SiteStatusPeriodView(p.Status.Code(), p.Status.NameZh(), p.Since))],
            Math.Round(GeometryMeasurement.AreaSquareMetres(WellKnownText.Read(s.GeometryWkt)), 1),
            community?.Name, community?.Code, Wire.Geometry(s.GeometryWkt), s.Version);
    }
}

/// <summary>A planning or project site as <c>/api/sites</c> answers it, with its status on the date asked.</summary>
/// <param name="Category">The category code (<c>GET /api/maps/legend</c> and the layer's field values give its labels).</param>
/// <param name="Status">proposed, approved, under_construction, completed or cancelled.</param>
/// <param name="StatusZh">The status in Chinese.</param>
/// <param name="BudgetWan">Budget in 万元 (10 000 CNY).</param>
/// <param name="Geometry">GeoJSON geometry in EPSG:4490 (CGCS2000 longitude/latitude).</param>
/// <param name="Version">The record's version: send it back with the next change.</param>
internal sealed record SiteView(
    Guid Id, string Name, string Category, string Status, string StatusZh, decimal? BudgetWan, string? Owner, Guid? ZoneId,
    string? Zone, DateOnly RegisteredOn, IReadOnlyList<SiteStatusPeriodView> StatusHistory, double AreaSquareMetres,
    string? Community, string? CommunityCode, JsonElement Geometry, long Version);

/// <summary>A status the site held from <see cref="Since"/> on.</summary>
internal sealed record SiteStatusPeriodView(string Status, string StatusZh, DateOnly Since);

/// <summary>The answer of a status change: the new version and the status now in force.</summary>
internal sealed record StatusAnswer(Guid Id, long Version, string Status);
