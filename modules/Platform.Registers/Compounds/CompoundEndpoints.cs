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
using Platform.Registers.Shared;
using Platform.Spatial;

namespace Platform.Registers.Compounds;

/// <summary><c>/api/compounds</c>: residential compounds and their buildings.</summary>
internal static class CompoundEndpoints
{
    public sealed record CreateBody(string? Name, string? Kind, JsonElement? Geometry, int? Households, string? PropertyCompany, JsonElement? Entrances, DateOnly? Since);

    public sealed record DetailsBody(string? Name, string? Kind, int? Households, string? PropertyCompany, string? Reason);

    public sealed record GeometryBody(JsonElement? Geometry, JsonElement? Entrances, string? Reason);

    public sealed record BuildingBody(string? Name, int? Floors, int? Households, JsonElement? Geometry);

    public static void MapCompoundEndpoints(this IEndpointRouteBuilder app)
    {
        var compounds = app.MapGroup("/api/compounds");

        compounds.MapGet("", async (string? asOf, string? community, IRegisterReader reader, CancellationToken ct) =>
        {
            if (!Wire.TryDate(asOf, out var date))
                return ProblemResults.Problem(400, "asOf", "asOf must be a date YYYY-MM-DD.", "asOf 须为 YYYY-MM-DD 格式的日期。");
            var all = await reader.CompoundsAsync(date, ct);
            return Results.Ok(all.Where(c => community is null || c.CommunityCode == community || c.CommunityName == community)
                .Select(c => new CompoundListItem(c.Id, c.Name, c.Kind, CompoundKinds.All[c.Kind].Zh, c.Households, c.Buildings, c.CommunityCode, c.CommunityName, [c.Lon, c.Lat]))
                .ToList());
        }).Produces<List<CompoundListItem>>();

        compounds.MapGet("/kinds", () => CompoundKinds.All.Select(k => new CodedValue(k.Key, k.Value.Zh, k.Value.En)).ToList());

        compounds.MapGet("/{id:guid}", async (Guid id, string? asOf, IQuerySession session, IJurisdictionLocator jurisdiction, CancellationToken ct) =>
        {
            var (c, badDate) = await RecordEdits.LoadAsync<CompoundSummary>(session, id, asOf, new CompoundSummaryProjection(), ct);
            if (badDate is not null)
                return badDate;
            if (c is null)
                return ProblemResults.Problem(404, "id", $"No compound {id}.", "找不到该小区。");
            var label = LabelPoints.Of(c.GeometryWkt);
            var community = (await jurisdiction.CommunitiesOfAsync([label], Wire.Today, ct))[0];
            return Results.Ok(new CompoundView(
                c.Id, c.Name, c.Kind, CompoundKinds.All[c.Kind].Zh, c.Households, c.PropertyCompany, c.Since,
                community?.Name, community?.Code, [label.Lon, label.Lat],
                Wire.Geometry(c.GeometryWkt),
                c.EntrancesWkt is null ? null : Wire.Geometry(c.EntrancesWkt),
                [.. c.Buildings.Select(b => new BuildingView(b.Id, b.Name, b.Floors, b.Households, Wire.Geometry(b.FootprintWkt)))],
                c.RetiredOn, c.RetiredReason, c.Version));
        }).Produces<CompoundView>();

        compounds.MapGet("/{id:guid}/history", (Guid id, HttpContext http) => StreamHistory.AnswerAsync<CompoundSummary>(http, id)).RequireAuthorization(PlatformPolicies.Staff)
            .Produces<List<HistoryEntry>>();

        var writes = compounds.MapGroup("").RequireAuthorization(PlatformPolicies.EditCommunityData);

        writes.MapPost("", async (HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<CreateBody>(http);
            if (bad is not null)
                return bad;
            var (geometry, geometryProblem) = GeometryInput.Parse(body!.Geometry);
            if (geometryProblem is not null)
                return geometryProblem;
            if (geometry is not (Polygon or MultiPolygon))
                return ProblemResults.Problem(400, "geometry", "A compound's boundary is a Polygon or MultiPolygon.", "小区范围须为面。");
            Geometry? entrances = null;
            if (body.Entrances is { ValueKind: not JsonValueKind.Null })
            {
                (entrances, var entranceProblem) = GeometryInput.Parse(body.Entrances, "entrances");
                if (entranceProblem is not null)
                    return entranceProblem;
            }
            var id = Guid.NewGuid();
            var result = await grains.GetGrain<ICompoundGrain>(id).RegisterAsync(
                new RegisterCompound(body.Name ?? "", body.Kind ?? "", WellKnownText.Write(geometry), body.Households ?? 0, body.PropertyCompany, entrances is null ? null : WellKnownText.Write(entrances), body.Since ?? Wire.Today),
                http.User.ToCommandContext("登记小区", http.TraceIdentifier));
            return result.AnswerCreated(id, $"/api/compounds/{id}");
        }).WithRequestBody<CreateBody>().ProducesWrite(StatusCodes.Status201Created);

        writes.MapPost("/{id:guid}/buildings", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<BuildingBody>(http);
            if (bad is not null)
                return bad;
            var (geometry, geometryProblem) = GeometryInput.Parse(body!.Geometry);
            if (geometryProblem is not null)
                return geometryProblem;
            var result = await grains.GetGrain<ICompoundGrain>(id).AddBuildingAsync(
                new AddBuilding(body.Name ?? "", body.Floors ?? 0, body.Households ?? 0, WellKnownText.Write(geometry!)),
                http.User.ToCommandContext("登记楼栋", http.TraceIdentifier));
            return result.AnswerCreated(id, $"/api/compounds/{id}");
        }).WithRequestBody<BuildingBody>().ProducesWrite(StatusCodes.Status201Created);

        var admin = compounds.MapGroup("").RequireAuthorization(PlatformPolicies.Administer);

        admin.MapPatch("/{id:guid}", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<DetailsBody>(http);
            if (bad is not null)
                return bad;
            var result = await grains.GetGrain<ICompoundGrain>(id).ReviseAsync(new ReviseCompound(body!.Name, body.Kind, body.Households, body.PropertyCompany),
                http.User.ToCommandContext(body.Reason ?? "修改小区信息", http.TraceIdentifier));
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
            if (geometry is not (Polygon or MultiPolygon))
                return ProblemResults.Problem(400, "geometry", "A compound's boundary is a Polygon or MultiPolygon.", "小区范围须为面。");
            Geometry? entrances = null;
            if (body.Entrances is { ValueKind: not JsonValueKind.Null })
            {
                (entrances, var entranceProblem) = GeometryInput.Parse(body.Entrances, "entrances");
                if (entranceProblem is not null)
                    return entranceProblem;
            }
            var result = await grains.GetGrain<ICompoundGrain>(id).ReshapeAsync(new ReshapeCompound(WellKnownText.Write(geometry), entrances is null ? null : WellKnownText.Write(entrances)),
                http.User.ToCommandContext(body.Reason ?? "调整小区范围", http.TraceIdentifier));
            return result.Answer(id);
        }).WithRequestBody<GeometryBody>().ProducesWrite().RequireIfMatch();

        admin.MapPost("/{id:guid}/retire", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<RecordEdits.RetireBody>(http);
            if ((bad ?? RecordEdits.MissingReason(body)) is { } refused)
                return refused;
            var result = await grains.GetGrain<ICompoundGrain>(id).RetireAsync(new RetireRecord(body!.Reason!, Wire.Today), http.User.ToCommandContext(body.Reason!, http.TraceIdentifier));
            return result.Answer(id);
        }).WithRequestBody<RecordEdits.RetireBody>().ProducesWrite().RequireIfMatch();
    }
}

/// <summary>A compound in the list: where it is (its label point, [lon, lat] in EPSG:4490) and its community.</summary>
internal sealed record CompoundListItem(Guid Id, string Name, string Kind, string KindZh, int Households, int Buildings, string? CommunityCode, string? CommunityName, double[] Location);

/// <summary>A compound with its boundary, entrances and buildings (GeoJSON in EPSG:4490).</summary>
/// <param name="RetiredOn">The date the compound left the register (null while it is on it).</param>
/// <param name="RetiredReason">Why it was retired.</param>
/// <param name="Version">The record's version: send it back with the next change.</param>
internal sealed record CompoundView(
    Guid Id, string Name, string Kind, string KindZh, int Households, string? PropertyCompany, DateOnly Since,
    string? Community, string? CommunityCode, double[] Location, JsonElement Geometry, JsonElement? Entrances,
    IReadOnlyList<BuildingView> Buildings, DateOnly? RetiredOn, string? RetiredReason, long Version);

/// <summary>A building of a compound, with its footprint.</summary>
internal sealed record BuildingView(Guid Id, string Name, int Floors, int Households, JsonElement Geometry);
