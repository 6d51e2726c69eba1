using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Security;
using Platform.Jurisdiction.Decisions;
using Platform.Jurisdiction.Queries;
using Platform.Jurisdiction.Register;
using Platform.Jurisdiction.Units;
using Platform.Spatial;

namespace Platform.Jurisdiction.Http;

/// <summary><c>/api/jurisdiction</c>: units as of a date, locate, statistics, gaps, history, and the restructuring commands.</summary>
public static class JurisdictionEndpoints
{
    public static IEndpointRouteBuilder MapJurisdictionEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/jurisdiction");
        MapQueries(api);
        MapCommands(api.MapGroup("").RequireAuthorization(PlatformPolicies.EditCommunityData));
        DecisionDocumentEndpoints.MapDecisionDocuments(api.MapGroup("").RequireAuthorization(PlatformPolicies.EditCommunityData),
            api.MapGroup("").RequireAuthorization(PlatformPolicies.Staff));
        return app;
    }

    private static void MapQueries(RouteGroupBuilder api)
    {
        api.MapGet("/units", async (string? asOf, string? level, JurisdictionQueries queries, CancellationToken ct) =>
        {
            if (ParseDate(asOf, "asOf") is { Problem: { } bad })
                return bad;
            var date = ParseDate(asOf, "asOf").Date;
            UnitLevel? filter = null;
            if (level is not null)
            {
                if (!UnitLevels.TryParse(level, out var l))
                    return ProblemResults.Problem(400, "level", $"Unknown level '{level}'; use street, community, village or group.", "层级须为 street、community、village 或 group。");
                filter = l;
            }
            var units = (await queries.AsOfAsync(date, ct))
                .Where(u => filter is null ? u.Version.DelegatedFromStreet is null : u.Version.Level == filter && u.Version.DelegatedFromStreet is null)
                .OrderBy(u => u.Version.Level).ThenBy(u => u.Version.Code, StringComparer.Ordinal);
            var names = (await queries.AsOfAsync(date, ct)).ToDictionary(u => u.Id, u => u.Version.Name);
            var collection = new FeatureCollection();
            foreach (var u in units)
                collection.Add(new Feature(u.Geometry, Attributes(u, names)));
            return GeoJsonResult(collection);
        }).ProducesGeoJson()
            .WithDescription("Properties: id, code, name, level, levelZh, parentId, parentName, validFrom, validTo, areaSquareMetres, labelLon, labelLat. / 属性：编码、名称、层级、上级、有效期、面积、标注点。");

        api.MapGet("/units/{id:guid}", async (Guid id, JurisdictionQueries queries, CancellationToken ct) =>
            await queries.FindAsync(id, ct) is { } unit
                ? Results.Ok(new UnitView(unit.Id, unit.Abolished, unit.Versions))
                : ProblemResults.Problem(404, "id", $"No unit {id}.", "找不到该单位。"))
            .Produces<UnitView>();

        api.MapGet("/units/{id:guid}/history", (Guid id, HttpContext http) => StreamHistory.AnswerAsync<UnitHistory>(http, id)).RequireAuthorization(PlatformPolicies.Staff)
            .Produces<List<HistoryEntry>>();

        api.MapGet("/locate", async (double? lon, double? lat, string? date, JurisdictionQueries queries, CancellationToken ct) =>
        {
            if (lon is not { } x || !double.IsFinite(x) || x is < -180 or > 180)
                return ProblemResults.Problem(400, "lon", "lon must be a longitude in degrees (EPSG:4490).", "lon 须为经度（度）。");
            if (lat is not { } y || !double.IsFinite(y) || y is < -90 or > 90)
                return ProblemResults.Problem(400, "lat", "lat must be a latitude in degrees (EPSG:4490).", "lat 须为纬度（度）。");
            var parsed = ParseDate(date, "date");
            if (parsed.Problem is { } bad)
                return bad;
            var location = await queries.LocateAsync(x, y, parsed.Date, ct);
            return Results.Ok(new LocateAnswer(x, y, parsed.Date, location.Street, location.Community, location.Group,
                location.ManagingStreet, location.OwnerStreet, location.Delegated));
        }).Produces<LocateAnswer>();

        api.MapGet("/statistics", async (string? from, string? to, JurisdictionQueries queries, CancellationToken ct) =>
        {
            var f = ParseDate(from, "from", new DateOnly(DateTime.Today.Year - 1, 1, 1));
            var t = ParseDate(to, "to");
            if ((f.Problem ?? t.Problem) is { } bad)
                return bad;
            if (f.Date > t.Date)
                return ProblemResults.Problem(400, "from", "'from' is after 'to'.", "起始日期晚于截止日期。");
            return Results.Ok(await queries.StatisticsAsync(f.Date, t.Date, ct));
        }).Produces<JurisdictionQueries.Statistics>();

        api.MapGet("/gaps", async (string? asOf, double? minArea, JurisdictionQueries queries, IOptions<JurisdictionOptions> options, CancellationToken ct) =>
        {
            var parsed = ParseDate(asOf, "asOf");
            if (parsed.Problem is { } bad)
                return bad;
            if (minArea is { } m && (!double.IsFinite(m) || m < 0 || m > 1e9))
                return ProblemResults.Problem(400, "minArea", "minArea is an area in m², from 0 to 1 000 000 000.", "minArea 须为 0 至 10 亿之间的面积（平方米）。");
            var gaps = await queries.GapsAsync(parsed.Date, minArea ?? options.Value.OverlapToleranceSquareMetres, ct);
            var collection = new FeatureCollection();
            foreach (var (gap, area) in gaps)
            {
                var label = GeometryMeasurement.InteriorPoint(gap);
                collection.Add(new Feature(gap, new AttributesTable(new Dictionary<string, object?>
                {
                    ["areaSquareMetres"] = Math.Round(area, 1),
                    ["labelLon"] = label.X,
                    ["labelLat"] = label.Y,
                })));
            }
            return GeoJsonResult(collection);
        }).ProducesGeoJson()
            .WithDescription("Areas of the street covered by no community: properties areaSquareMetres, labelLon, labelLat. / 未被任何社区覆盖的区域：面积、标注点。");
    }

    private static void MapCommands(RouteGroupBuilder api)
    {
        api.MapPost("/units", async (HttpContext http, JurisdictionQueries queries, IGrainFactory grains, IOptions<JurisdictionOptions> o) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<EstablishBody>(http);
            if (bad is not null)
                return bad;
            if (string.IsNullOrWhiteSpace(body!.Code))
                return RequestBody.Missing("code", "编码");
            if (string.IsNullOrWhiteSpace(body.Name))
                return RequestBody.Missing("name", "名称");
            if (!UnitLevels.TryParse(body.Level, out var level))
                return ProblemResults.Problem(400, "level", "level must be street, community, village or group.", "层级须为 street、community、village 或 group。");
            var (geometry, geometryProblem) = GeometryInput.Parse(body.Geometry);
            if (geometryProblem is not null)
                return geometryProblem;
            if (await ScopeAsync(http.User, body.ParentId is { } p ? [p] : [], level == UnitLevel.Group, queries) is { } denied)
                return denied;
            var (decision, paper) = await DecisionAsync(http, body.Decision);
            if (paper is not null)
                return paper;
            var command = new EstablishUnit(body.Code.Trim(), body.Name.Trim(), level, body.ParentId, WellKnownText.Write(geometry!), decision);
            return Answer(await Grain(grains, o).EstablishAsync(command, Context(http, body.Decision)), created: true);
        }).WithRequestBody<EstablishBody>().Produces<UnitAnswer>(StatusCodes.Status201Created);

        api.MapPost("/units/{id:guid}/rename", async (Guid id, HttpContext http, JurisdictionQueries queries, IGrainFactory grains, IOptions<JurisdictionOptions> o) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<RenameBody>(http);
            if (bad is not null)
                return bad;
            if (string.IsNullOrWhiteSpace(body!.Name))
                return RequestBody.Missing("name", "名称");
            if (await ScopeAsync(http.User, [id], true, queries) is { } denied)
                return denied;
            var (decision, paper) = await DecisionAsync(http, body.Decision);
            if (paper is not null)
                return paper;
            return Answer(await Grain(grains, o).RenameAsync(new RenameUnit(id, body.Name.Trim(), decision), Context(http, body.Decision)));
        }).WithRequestBody<RenameBody>().Produces<UnitAnswer>();

        api.MapPost("/units/{id:guid}/convert-to-community", async (Guid id, HttpContext http, JurisdictionQueries queries, IGrainFactory grains, IOptions<JurisdictionOptions> o) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<ConvertBody>(http);
            if (bad is not null)
                return bad;
            if (string.IsNullOrWhiteSpace(body!.Name))
                return RequestBody.Missing("name", "名称");
            if (string.IsNullOrWhiteSpace(body.Code))
                return RequestBody.Missing("code", "编码");
            if (await ScopeAsync(http.User, [id], false, queries) is { } denied)
                return denied;
            var (decision, paper) = await DecisionAsync(http, body.Decision);
            if (paper is not null)
                return paper;
            return Answer(await Grain(grains, o).ConvertVillageAsync(new ConvertVillage(id, body.Name.Trim(), body.Code.Trim(), decision), Context(http, body.Decision)));
        }).WithRequestBody<ConvertBody>().Produces<UnitAnswer>();

        api.MapPost("/merges", async (HttpContext http, JurisdictionQueries queries, IGrainFactory grains, IOptions<JurisdictionOptions> o) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<MergeBody>(http);
            if (bad is not null)
                return bad;
            if (body!.AbsorbedIds is not { Length: > 0 })
                return RequestBody.Missing("absorbedIds", "被撤并单位");
            NewUnit? created = null;
            if (body.NewSuccessor is { } n)
            {
                if (string.IsNullOrWhiteSpace(n.Code) || string.IsNullOrWhiteSpace(n.Name) || !UnitLevels.TryParse(n.Level, out var nl))
                    return ProblemResults.Problem(400, "newSuccessor", "A new successor needs code, name and level (community or village).", "新建单位须有编码、名称和层级。");
                created = new NewUnit(n.Code.Trim(), n.Name.Trim(), nl);
            }
            if (await ScopeAsync(http.User, [.. body.AbsorbedIds, .. body.SuccessorId is { } s ? new[] { s } : []], false, queries) is { } denied)
                return denied;
            var (decision, paper) = await DecisionAsync(http, body.Decision);
            if (paper is not null)
                return paper;
            var merge = new MergeUnits(body.AbsorbedIds, body.SuccessorId, created, decision);
            return Previewing(http)
                ? Preview(await Grain(grains, o).PreviewMergeAsync(merge, Context(http, body.Decision)))
                : Answer(await Grain(grains, o).MergeAsync(merge, Context(http, body.Decision)));
        }).WithRequestBody<MergeBody>().Produces<UnitAnswer>()
            .WithDescription("With ?preview=true nothing is written: the same checks run and the answer is {preview, finding, units: [{id, name, change, areaSquareMetres, geometry}]}, or the problem the command would meet. / 加 ?preview=true 仅预览：同样的校验，不写入。");

        api.MapPost("/transfers", async (HttpContext http, JurisdictionQueries queries, IGrainFactory grains, IOptions<JurisdictionOptions> o) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<TransferBody>(http);
            if (bad is not null)
                return bad;
            if (body!.FromId is not { } from)
                return RequestBody.Missing("fromId", "调出单位");
            if (body.ToId is not { } to)
                return RequestBody.Missing("toId", "调入单位");
            var (geometry, geometryProblem) = GeometryInput.Parse(body.Geometry);
            if (geometryProblem is not null)
                return geometryProblem;
            if (await ScopeAsync(http.User, [from, to], true, queries) is { } denied)
                return denied;
            var (decision, paper) = await DecisionAsync(http, body.Decision);
            if (paper is not null)
                return paper;
            var transfer = new TransferArea(from, to, WellKnownText.Write(geometry!), decision);
            return Previewing(http)
                ? Preview(await Grain(grains, o).PreviewTransferAsync(transfer, Context(http, body.Decision)))
                : Answer(await Grain(grains, o).TransferAreaAsync(transfer, Context(http, body.Decision)));
        }).WithRequestBody<TransferBody>().Produces<UnitAnswer>()
            .WithDescription("With ?preview=true nothing is written: the same checks run and the answer is {preview, finding, units: [{id, name, change, areaSquareMetres, geometry}]}, or the problem the command would meet. / 加 ?preview=true 仅预览：同样的校验，不写入。");

        api.MapPost("/group-merges", async (HttpContext http, JurisdictionQueries queries, IGrainFactory grains, IOptions<JurisdictionOptions> o) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<GroupMergeBody>(http);
            if (bad is not null)
                return bad;
            if (body!.GroupIds is not { Length: > 0 })
                return RequestBody.Missing("groupIds", "拟合并小组");
            if (body.SuccessorId is not { } successor)
                return RequestBody.Missing("successorId", "合并后小组");
            if (body.Vote is null)
                return RequestBody.Missing("vote", "户代表会议表决情况");
            if (await ScopeAsync(http.User, [.. body.GroupIds, successor], true, queries) is { } denied)
                return denied;
            var (decision, paper) = await DecisionAsync(http, body.Decision);
            if (paper is not null)
                return paper;
            var groupMerge = new MergeGroups(body.GroupIds, successor, body.Vote, decision);
            return Previewing(http)
                ? Preview(await Grain(grains, o).PreviewGroupMergeAsync(groupMerge, Context(http, body.Decision)))
                : Answer(await Grain(grains, o).MergeGroupsAsync(groupMerge, Context(http, body.Decision)));
        }).WithRequestBody<GroupMergeBody>().Produces<UnitAnswer>()
            .WithDescription("With ?preview=true nothing is written: the same checks run and the answer is {preview, finding, units: [{id, name, change, areaSquareMetres, geometry}]}, or the problem the command would meet. / 加 ?preview=true 仅预览：同样的校验，不写入。");

        api.MapPost("/delegations", async (HttpContext http, IGrainFactory grains, IOptions<JurisdictionOptions> o) =>
        {
            if (!http.User.IsInRole(PlatformRoles.Administrator))
                return ProblemResults.Problem(403, "role", "Only administrators record delegated administration.", "仅管理员可登记托管区域。");
            var (body, bad) = await RequestBody.ReadAsync<DelegationBody>(http);
            if (bad is not null)
                return bad;
            if (string.IsNullOrWhiteSpace(body!.Name))
                return RequestBody.Missing("name", "名称");
            var (geometry, geometryProblem) = GeometryInput.Parse(body.Geometry);
            if (geometryProblem is not null)
                return geometryProblem;
            var (decision, paper) = await DecisionAsync(http, body.Decision);
            if (paper is not null)
                return paper;
            return Answer(await Grain(grains, o).GrantDelegationAsync(
                new GrantDelegation(body.Name.Trim(), body.OwnerStreet?.Trim() ?? "", WellKnownText.Write(geometry!), decision), Context(http, body.Decision)), created: true);
        }).WithRequestBody<DelegationBody>().Produces<UnitAnswer>();
    }

    /// <summary>
    /// Workers change only resident groups (and, where allowed, units) inside their own community;
    /// administrators anything. Answers a 403 problem, or null when allowed.
    /// </summary>
    private static async Task<IResult?> ScopeAsync(ClaimsPrincipal user, Guid[] units, bool workersAllowed, JurisdictionQueries queries)
    {
        if (user.IsInRole(PlatformRoles.Administrator))
            return null;
        var community = user.Community();
        if (!workersAllowed || units.Length == 0)
            return ProblemResults.Problem(403, "role", "Only administrators may make this change.", "仅管理员可进行此项调整。");
        var all = (await queries.AllAsync()).ToDictionary(u => u.Id);
        foreach (var id in units)
        {
            var code = CommunityCode(id, all);
            if (code is null || code != community)
                return ProblemResults.Problem(403, "unitId",
                    $"A community worker may change only units inside their own community ({community ?? "none"}).",
                    "社区工作者只能调整本社区范围内的单位。");
        }
        return null;
    }

    private static string? CommunityCode(Guid id, IReadOnlyDictionary<Guid, UnitHistory> all)
    {
        for (var depth = 0; depth < 4 && all.TryGetValue(id, out var unit) && unit.Latest is { } v; depth++)
        {
            if (v.Level.Tier() == 1)
                return v.Code;
            if (v.ParentId is not { } parent)
                return null;
            id = parent;
        }
        return null;
    }

    private static IJurisdictionGrain Grain(IGrainFactory grains, IOptions<JurisdictionOptions> o) =>
        grains.GetGrain<IJurisdictionGrain>(o.Value.StreetName);

    private static CommandContext Context(HttpContext http, DecisionBody? decision) =>
        http.User.ToCommandContext(decision?.Reason, http.TraceIdentifier);

    /// <summary>The command's decision, with the hash of the decision paper it cites; a 400 when the cited paper was never uploaded.</summary>
    private static async Task<(Decision Decision, IResult? Problem)> DecisionAsync(HttpContext http, DecisionBody? body)
    {
        if (body is null)
            return (new Decision("", default, ""), null);
        var session = http.RequestServices.GetRequiredService<IQuerySession>();
        var (sha, problem) = await DecisionDocumentEndpoints.HashOfAsync(body.DocumentId, session, http.RequestAborted);
        return (body.ToDecision(sha), problem);
    }

    private static bool Previewing(HttpContext http) =>
        string.Equals(http.Request.Query["preview"].ToString(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A preview's answer: the refusal the command would meet, or the units it would change with their new boundaries.</summary>
    private static IResult Preview(UnitPreview preview)
    {
        if (preview.Rejection is { } r)
            return r.ToProblem();
        return Results.Ok(new PreviewAnswer(true, preview.Finding, [.. preview.Units.Select(u =>
        {
            var geometry = u.GeometryWkt is null ? null : WellKnownText.Read(u.GeometryWkt);
            return new PreviewUnitAnswer(u.UnitId, u.Name, u.Change,
                geometry is null ? null : Math.Round(GeometryMeasurement.AreaSquareMetres(geometry), 1),
                geometry is null ? null : JsonSerializer.SerializeToElement(geometry, GeoJson.Options));
        })]));
    }

    private static IResult Answer(UnitCommandResult result, bool created = false)
    {
        if (result.Rejection is { } r)
            return r.ToProblem();
        var body = new UnitAnswer(result.UnitId, result.Finding);
        return created ? Results.Created($"/api/jurisdiction/units/{result.UnitId}", body) : Results.Ok(body);
    }

    private static (DateOnly Date, IResult? Problem) ParseDate(string? text, string field, DateOnly? fallback = null)
    {
        if (string.IsNullOrWhiteSpace(text))
            return (fallback ?? DateOnly.FromDateTime(DateTime.Today), null);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? (d, null)
            : (default, ProblemResults.Problem(400, field, $"'{text}' is not a date in the form YYYY-MM-DD.", "日期格式须为 YYYY-MM-DD。"));
    }

    private static AttributesTable Attributes(JurisdictionQueries.UnitAt u, IReadOnlyDictionary<Guid, string> names)
    {
        var label = GeometryMeasurement.InteriorPoint(u.Geometry);
        return new AttributesTable(new Dictionary<string, object?>
        {
            ["id"] = u.Id.ToString(),
            ["code"] = u.Version.Code,
            ["name"] = u.Version.Name,
            ["level"] = u.Version.Level.ToString().ToLowerInvariant(),
            ["levelZh"] = u.Version.Level.NameZh(),
            ["parentId"] = u.Version.ParentId?.ToString(),
            ["parentName"] = u.Version.ParentId is { } p && names.TryGetValue(p, out var pn) ? pn : null,
            ["validFrom"] = u.Version.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["validTo"] = u.Version.ValidTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["areaSquareMetres"] = Math.Round(GeometryMeasurement.AreaSquareMetres(u.Geometry), 1),
            ["labelLon"] = label.X,
            ["labelLat"] = label.Y,
        });
    }

    private static IResult GeoJsonResult(FeatureCollection collection) =>
        Results.Text(JsonSerializer.Serialize(collection, GeoJson.Options), "application/geo+json; charset=utf-8");
}

/// <summary>A unit of the jurisdiction with every version it has had (name, level, parent, boundary, validity).</summary>
internal sealed record UnitView(Guid Id, bool Abolished, IReadOnlyList<UnitVersion> Versions);

/// <summary>Which units a point lies in on a date: the street, community and group, and who manages it when delegated.</summary>
internal sealed record LocateAnswer(double Lon, double Lat, DateOnly Date, UnitRef? Street, UnitRef? Community, UnitRef? Group,
    string? ManagingStreet, string? OwnerStreet, bool Delegated);

/// <summary>
/// A restructuring previewed (<c>?preview=true</c>): nothing was written; each unit the command would change, with its new
/// boundary (GeoJSON, EPSG:4490) and that boundary's area in m² where it changes.
/// </summary>
internal sealed record PreviewAnswer(bool Preview, string? Finding, IReadOnlyList<PreviewUnitAnswer> Units);

/// <summary>One unit of a preview: <c>change</c> is established, absorbed, adjusted, abolished, reparented or vote.</summary>
internal sealed record PreviewUnitAnswer(Guid Id, string? Name, string Change, double? AreaSquareMetres, JsonElement? Geometry);

/// <summary>The unit a restructuring command created or changed, and what the check found (e.g. an overlap within tolerance).</summary>
internal sealed record UnitAnswer(Guid Id, string? Finding);
