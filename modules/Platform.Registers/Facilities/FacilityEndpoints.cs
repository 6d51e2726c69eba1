using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Registers;
using Platform.Abstractions.Security;
using Platform.Registers.Compounds;
using Platform.Registers.Shared;
using Platform.Spatial;

namespace Platform.Registers.Facilities;

/// <summary><c>/api/facilities</c> and <c>/api/service-hubs</c>.</summary>
internal static class FacilityEndpoints
{
    public sealed record CreateBody(string? Name, string? Category, JsonElement? Geometry, DateOnly? OpenedOn);

    public sealed record CloseBody(DateOnly? ClosedOn, string? Reason);

    public sealed record DetailsBody(string? Name, string? Category, string? Reason);

    public sealed record GeometryBody(JsonElement? Geometry, string? Reason);

    public sealed record HubDetailsBody(string? Name, Guid[]? ServedCompoundIds, string? Reason);

    public sealed record HubBody(string? Name, JsonElement? Geometry, HubSpace[]? Spaces, Guid[]? ServedCompoundIds, DateOnly? OpenedOn);

    public static void MapFacilityEndpoints(this IEndpointRouteBuilder app)
    {
        var facilities = app.MapGroup("/api/facilities");

        facilities.MapGet("/categories", () => FacilityCategories.All);

        facilities.MapGet("", async (string? asOf, string? category, string? kind, string? community, IRegisterReader reader, CancellationToken ct) =>
        {
            if (!Wire.TryDate(asOf, out var date))
                return ProblemResults.Problem(400, "asOf", "asOf must be a date YYYY-MM-DD.", "asOf 须为 YYYY-MM-DD 格式的日期。");
            var all = await reader.FacilitiesAsync(date, ct);
            return Results.Ok(all
                .Where(f => (category is null || f.Category == category) && (kind is null || f.Kind == kind) && (community is null || f.CommunityCode == community || f.CommunityName == community))
                .Select(f => new FacilityListItem(f.Id, f.Name, f.Category, FacilityCategories.Find(f.Category)?.NameZh, f.Kind, f.CommunityCode, f.CommunityName, [f.Lon, f.Lat]))
                .ToList());
        }).Produces<List<FacilityListItem>>();

        facilities.MapGet("/{id:guid}", async (Guid id, string? asOf, IQuerySession session, IJurisdictionLocator jurisdiction, CancellationToken ct) =>
        {
            var (f, badDate) = await RecordEdits.LoadAsync<FacilitySummary>(session, id, asOf, new FacilitySummaryProjection(), ct);
            if (badDate is not null)
                return badDate;
            if (f is null)
                return ProblemResults.Problem(404, "id", $"No facility {id}.", "找不到该设施。");
            var label = LabelPoints.Of(f.GeometryWkt);
            var community = (await jurisdiction.CommunitiesOfAsync([label], Wire.Today, ct))[0];
            return Results.Ok(new FacilityView(f.Id, f.Name, f.Category, FacilityCategories.Find(f.Category)?.NameZh, f.OpenedOn, f.ClosedOn, f.HubId,
                community?.Name, community?.Code, Wire.Geometry(f.GeometryWkt), f.RetiredOn, f.RetiredReason, f.Version));
        }).Produces<FacilityView>();

        facilities.MapGet("/{id:guid}/history", (Guid id, HttpContext http) => StreamHistory.AnswerAsync<FacilitySummary>(http, id)).RequireAuthorization(PlatformPolicies.Staff)
            .Produces<List<HistoryEntry>>();

        var writes = facilities.MapGroup("").RequireAuthorization(PlatformPolicies.EditCommunityData);

        writes.MapPost("", async (HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<CreateBody>(http);
            if (bad is not null)
                return bad;
            var (geometry, geometryProblem) = GeometryInput.Parse(body!.Geometry);
            if (geometryProblem is not null)
                return geometryProblem;
            var id = Guid.NewGuid();
            var result = await grains.GetGrain<IFacilityGrain>(id).RegisterAsync(
                new RegisterFacility(body.Name ?? "", body.Category ?? "", WellKnownText.Write(geometry!), body.OpenedOn ?? Wire.Today, null),
                http.User.ToCommandContext("登记设施", http.TraceIdentifier));
            return result.AnswerCreated(id, $"/api/facilities/{id}");
        }).WithRequestBody<CreateBody>().ProducesWrite(StatusCodes.Status201Created);

        writes.MapPost("/{id:guid}/close", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<CloseBody>(http);
            if (bad is not null)
                return bad;
            if (string.IsNullOrWhiteSpace(body!.Reason))
                return RequestBody.Missing("reason", "关闭原因");
            var result = await grains.GetGrain<IFacilityGrain>(id).CloseAsync(new CloseFacility(body.ClosedOn ?? Wire.Today, body.Reason), http.User.ToCommandContext(body.Reason, http.TraceIdentifier));
            return result.Answer(id);
        }).WithRequestBody<CloseBody>().ProducesWrite();

        var admin = facilities.MapGroup("").RequireAuthorization(PlatformPolicies.Administer);

        admin.MapPatch("/{id:guid}", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<DetailsBody>(http);
            if (bad is not null)
                return bad;
            var result = await grains.GetGrain<IFacilityGrain>(id).ReviseAsync(new ReviseFacility(body!.Name, body.Category), http.User.ToCommandContext(body.Reason ?? "修改设施信息", http.TraceIdentifier));
            return result.Answer(id);
        }).WithRequestBody<DetailsBody>().ProducesWrite().RequireIfMatch();

        admin.MapPut("/{id:guid}/geometry", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<GeometryBody>(http);
            if (bad is not null)
                return bad;
            var (geometry, geometryProblem) = GeometryInput.Parse(body!.Geometry);
            if (geometryProblem is not null)
                return geometryProblem;
            var result = await grains.GetGrain<IFacilityGrain>(id).MoveAsync(new MoveTo(WellKnownText.Write(geometry!)), http.User.ToCommandContext(body.Reason ?? "移动设施位置", http.TraceIdentifier));
            return result.Answer(id);
        }).WithRequestBody<GeometryBody>().ProducesWrite().RequireIfMatch();

        admin.MapPost("/{id:guid}/retire", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<RecordEdits.RetireBody>(http);
            if ((bad ?? RecordEdits.MissingReason(body)) is { } refused)
                return refused;
            var result = await grains.GetGrain<IFacilityGrain>(id).RetireAsync(new RetireRecord(body!.Reason!, Wire.Today), http.User.ToCommandContext(body.Reason!, http.TraceIdentifier));
            return result.Answer(id);
        }).WithRequestBody<RecordEdits.RetireBody>().ProducesWrite().RequireIfMatch();

        var hubs = app.MapGroup("/api/service-hubs");
        hubs.MapGet("", async (IQuerySession session, CancellationToken ct) =>
            (await session.Query<ServiceHubSummary>().ToListAsync(ct)).Where(h => RecordEdits.InForce(h.RetiredOn, Wire.Today)).OrderBy(h => h.Name, StringComparer.Ordinal)
                .Select(Describe).ToList());
        hubs.MapGet("/{id:guid}", async (Guid id, string? asOf, IQuerySession session, CancellationToken ct) =>
        {
            var (h, badDate) = await RecordEdits.LoadAsync<ServiceHubSummary>(session, id, asOf, new ServiceHubSummaryProjection(), ct);
            return badDate ?? (h is null ? ProblemResults.Problem(404, "id", $"No hub {id}.", "找不到该综合体。") : Results.Ok(Describe(h)));
        }).Produces<ServiceHubView>();
        hubs.MapGet("/{id:guid}/history", (Guid id, HttpContext http) => StreamHistory.AnswerAsync<ServiceHubSummary>(http, id)).RequireAuthorization(PlatformPolicies.Staff)
            .Produces<List<HistoryEntry>>();
        var hubAdmin = hubs.MapGroup("").RequireAuthorization(PlatformPolicies.Administer);
        hubAdmin.MapPatch("/{id:guid}", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<HubDetailsBody>(http);
            if (bad is not null)
                return bad;
            var result = await grains.GetGrain<IServiceHubGrain>(id).ReviseAsync(new ReviseServiceHub(body!.Name, body.ServedCompoundIds), http.User.ToCommandContext(body.Reason ?? "修改综合体信息", http.TraceIdentifier));
            return result.Answer(id);
        }).WithRequestBody<HubDetailsBody>().ProducesWrite().RequireIfMatch();
        hubAdmin.MapPut("/{id:guid}/geometry", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<GeometryBody>(http);
            if (bad is not null)
                return bad;
            var (geometry, geometryProblem) = GeometryInput.Parse(body!.Geometry);
            if (geometryProblem is not null)
                return geometryProblem;
            var result = await grains.GetGrain<IServiceHubGrain>(id).MoveAsync(new MoveTo(WellKnownText.Write(geometry!)), http.User.ToCommandContext(body.Reason ?? "移动综合体位置", http.TraceIdentifier));
            return result.Answer(id);
        }).WithRequestBody<GeometryBody>().ProducesWrite().RequireIfMatch();
        hubAdmin.MapPost("/{id:guid}/retire", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<RecordEdits.RetireBody>(http);
            if ((bad ?? RecordEdits.MissingReason(body)) is { } refused)
                return refused;
            var result = await grains.GetGrain<IServiceHubGrain>(id).RetireAsync(new RetireRecord(body!.Reason!, Wire.Today), http.User.ToCommandContext(body.Reason!, http.TraceIdentifier));
            return result.Answer(id);
        }).WithRequestBody<RecordEdits.RetireBody>().ProducesWrite().RequireIfMatch();
        hubs.MapPost("", async (HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<HubBody>(http);
            if (bad is not null)
                return bad;
            var (geometry, geometryProblem) = GeometryInput.Parse(body!.Geometry);
            if (geometryProblem is not null)
                return geometryProblem;
            if (geometry is not Point)
                return ProblemResults.Problem(400, "geometry", "A hub is located by a Point.", "综合体位置须为点。");
            var id = Guid.NewGuid();
            var result = await grains.GetGrain<IServiceHubGrain>(id).RegisterAsync(
                new RegisterServiceHub(body.Name ?? "", WellKnownText.Write(geometry), body.Spaces ?? [], body.ServedCompoundIds ?? [], body.OpenedOn ?? Wire.Today),
                http.User.ToCommandContext("登记综合体", http.TraceIdentifier));
            return result.AnswerCreated(id, $"/api/service-hubs/{id}");
        }).WithRequestBody<HubBody>().ProducesWrite(StatusCodes.Status201Created).RequireAuthorization(PlatformPolicies.Administer);
    }

    private static ServiceHubView Describe(ServiceHubSummary h) =>
        new(h.Id, h.Name, h.Spaces, h.ServedCompoundIds, h.OpenedOn, Wire.Geometry(h.GeometryWkt), h.RetiredOn, h.RetiredReason, h.Version);
}

/// <summary>A facility in the list: its category (code and Chinese name), kind and community, and where it is ([lon, lat], EPSG:4490).</summary>
internal sealed record FacilityListItem(Guid Id, string Name, string Category, string? CategoryZh, string Kind, string? CommunityCode, string? CommunityName, double[] Location);

/// <summary>A community service hub (党群服务中心 / 综合体) with its spaces and the compounds it serves.</summary>
/// <param name="Version">The record's version: send it back (If-Match) with the next change.</param>
internal sealed record ServiceHubView(Guid Id, string Name, IReadOnlyList<HubSpace> Spaces, IReadOnlyList<Guid> ServedCompoundIds, DateOnly OpenedOn, JsonElement Geometry,
    DateOnly? RetiredOn, string? RetiredReason, long Version);

/// <summary>One facility with its point (GeoJSON, EPSG:4490), its hub when it is a hub's function space, and its community today.</summary>
/// <param name="Version">The record's version: send it back (If-Match) with the next change.</param>
internal sealed record FacilityView(Guid Id, string Name, string Category, string? CategoryZh, DateOnly OpenedOn, DateOnly? ClosedOn, Guid? HubId,
    string? Community, string? CommunityCode, JsonElement Geometry, DateOnly? RetiredOn, string? RetiredReason, long Version);
