using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Registers;
using Platform.Abstractions.Security;
using Platform.Governance.Complaints;
using Platform.Governance.Records;
using Platform.Governance.Reports;
using Platform.Abstractions.Media;

namespace Platform.Governance.Http;

/// <summary>Inspections, filings, property companies and training: <c>/api/governance/…</c>.</summary>
internal static class RecordEndpoints
{
    public sealed record FindingBody(string? Item, string? Description, DateOnly? DeadlineOn);

    public sealed record InspectionBody(string? Template, string? TargetKind, string? TargetName, Guid? CompoundId, double[]? Location,
        DateOnly? HeldOn, bool? Random, ChecklistResult[]? Items, FindingBody[]? Findings);

    public sealed record RectifyBody(DateOnly? RectifiedOn, string? Proof);

    public sealed record VerifyBody(DateOnly? VerifiedOn);

    public sealed record FilingBody(string? Kind, Guid? CompoundId, DateOnly? FiledOn, string? Parties, string[]? Documents);

    public sealed record TrainingBody(string? Topic, DateOnly? HeldOn, string[]? Compounds, int? Attendees, string? Trainer);

    /// <summary>A finding past its rectification deadline and not rectified.</summary>
    public sealed record OverdueFinding(Guid InspectionId, string TargetName, string Template, Guid Id, string Item, string Description, DateOnly DeadlineOn);

    /// <summary>An inspection was recorded: its id and version and the ids given to its findings, in the order sent.</summary>
    public sealed record InspectionRecorded(Guid Id, long Version, List<Guid> Findings);

    /// <summary>A property company and the compounds it serves.</summary>
    public sealed record PropertyCompany(string Name, List<string> Compounds);

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Today);

    public static void MapRecordEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/governance").WithTags("Governance");
        g.MapGet("/checklists", () => ChecklistTemplates.All).WithName("ListChecklists").Produces<List<ChecklistTemplates.Template>>();

        g.MapGet("/inspections", async (int? year, string? kind, IQuerySession session, CancellationToken ct) =>
            (await session.Query<Inspection>().ToListAsync(ct)).Where(i => (year is null || i.HeldOn.Year == year) && (kind is null || i.Kind == kind))
                .OrderByDescending(i => i.HeldOn).ToList()).WithName("ListInspections").Produces<List<Inspection>>();
        g.MapGet("/inspections/overdue", async (IQuerySession session, CancellationToken ct) =>
            (await session.Query<Inspection>().ToListAsync(ct))
                .SelectMany(i => i.Findings.Where(f => f.RectifiedOn is null && f.DeadlineOn < Today).Select(f => new OverdueFinding(i.Id, i.TargetName, i.Template, f.Id, f.Item, f.Description, f.DeadlineOn)))
                .OrderBy(f => f.DeadlineOn).ToList()).WithName("OverdueFindings").Produces<List<OverdueFinding>>();
        g.MapGet("/figures", async (int? year, GovernanceReportSection section, CancellationToken ct) =>
        {
            var y = year ?? Today.Year;
            return Results.Ok(await section.FiguresAsync(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), ct));
        }).WithName("GovernanceFigures").Produces<GovernanceFigures>();

        var writes = g.MapGroup("").RequireAuthorization(PlatformPolicies.EditCommunityData);
        writes.MapPost("/inspections", async (HttpContext http, IGrainFactory grains, IRegisterReader registers) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<InspectionBody>(http);
            if (bad is not null)
                return bad;
            var held = body!.HeldOn ?? Today;
            double lon, lat;
            string name = body.TargetName ?? "";
            if (body.CompoundId is { } compoundId)
            {
                if ((await registers.CompoundsAsync(held)).FirstOrDefault(c => c.Id == compoundId) is not { } compound)
                    return ProblemResults.Problem(400, "compoundId", "No such compound on that date.", "该日期没有这个小区。");
                (lon, lat, name) = (compound.Lon, compound.Lat, compound.Name);
            }
            else if (body.Location is { Length: 2 } location)
                (lon, lat) = (location[0], location[1]);
            else
                return ProblemResults.Problem(400, "location", "Give compoundId or location [lon, lat].", "须给出小区 compoundId 或位置 location。");
            var id = Guid.NewGuid();
            var findings = (body.Findings ?? []).Select(f => new FindingRecord(Guid.NewGuid(), f.Item ?? "", f.Description ?? "", f.DeadlineOn ?? held.AddDays(7))).ToArray();
            var result = await grains.GetGrain<IInspectionGrain>(id).HoldAsync(
                new HoldInspection(body.Template ?? "", body.TargetKind ?? (body.CompoundId is null ? "" : "compound"), name, body.CompoundId, lon, lat, held,
                    body.Random ?? true, body.Items ?? [], findings), http.User.ToCommandContext("登记检查", http.TraceIdentifier));
            return result.Rejection is { } r ? r.ToProblem() : Results.Created($"/api/governance/inspections/{id}", new InspectionRecorded(id, result.Version, [.. findings.Select(f => f.Id)]));
        }).WithRequestBody<InspectionBody>().WithName("RecordInspection").Produces<InspectionRecorded>(StatusCodes.Status201Created);
        writes.MapPost("/inspections/{id:guid}/findings/{findingId:guid}/rectify", async (Guid id, Guid findingId, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<RectifyBody>(http);
            if (bad is not null)
                return bad;
            var result = await grains.GetGrain<IInspectionGrain>(id).RectifyAsync(findingId, body!.RectifiedOn ?? Today, body.Proof ?? "", http.User.ToCommandContext("登记整改", http.TraceIdentifier));
            return result.Answer(id);
        }).WithRequestBody<RectifyBody>().WithName("RectifyFinding").ProducesWrite();
        writes.MapPost("/inspections/{id:guid}/findings/{findingId:guid}/verify", async (Guid id, Guid findingId, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<VerifyBody>(http);
            if (bad is not null)
                return bad;
            var result = await grains.GetGrain<IInspectionGrain>(id).VerifyAsync(findingId, body!.VerifiedOn ?? Today, http.User.ToCommandContext("复查销号", http.TraceIdentifier));
            return result.Answer(id);
        }).WithRequestBody<VerifyBody>().WithName("VerifyFinding").ProducesWrite();
        writes.MapPost("/inspections/{id:guid}/findings/{findingId:guid}/photos", async (Guid id, Guid findingId, HttpContext http, IGrainFactory grains) =>
        {
            var (data, form, bad) = await PhotosAreImagesWithoutTheirLocationRule.ReadUploadAsync(http,
                " (and 'stage': finding or rectification)", "（stage 字段：finding 问题照片 / rectification 整改照片）");
            if (bad is not null)
                return bad;
            var stage = form!.TryGetValue("stage", out var s) && !string.IsNullOrEmpty(s) ? s.ToString() : "finding";
            return (await grains.GetGrain<IInspectionGrain>(id).AttachPhotoAsync(findingId, stage, data!, http.User.ToCommandContext("上传检查问题照片", http.TraceIdentifier))).Answer(id);
        }).DisableAntiforgery().WithName("AttachFindingPhoto").ProducesWrite();
        g.MapGet("/inspections/{id:guid}/findings/{findingId:guid}/photos/{photoId:guid}", async (Guid id, Guid findingId, Guid photoId, IQuerySession session, CancellationToken ct) =>
        {
            // The photo is the data of its event in the inspection's stream (stored already without its metadata).
            var photo = (await session.Events.FetchStreamAsync(id, token: ct)).Select(e => e.Data).OfType<FindingPhotoAttached>()
                .FirstOrDefault(p => p.PhotoId == photoId && p.FindingId == findingId);
            return photo is null ? ProblemResults.Problem(404, "photoId", "No such photo.", "找不到该照片。") : Results.File(photo.Data, photo.ContentType);
        }).WithName("FindingPhoto").Produces(StatusCodes.Status200OK, typeof(byte[]), "image/jpeg", "image/png");

        g.MapGet("/filings", async (int? year, IQuerySession session, CancellationToken ct) =>
            (await session.Query<Filing>().ToListAsync(ct)).Where(f => year is null || f.FiledOn.Year == year).OrderByDescending(f => f.FiledOn).ToList())
            .WithName("ListFilings").Produces<List<Filing>>();
        writes.MapPost("/filings", async (HttpContext http, IGrainFactory grains, IRegisterReader registers) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<FilingBody>(http);
            if (bad is not null)
                return bad;
            var on = body!.FiledOn ?? Today;
            if (body.CompoundId is not { } compoundId || (await registers.CompoundsAsync(on)).FirstOrDefault(c => c.Id == compoundId) is not { } compound)
                return ProblemResults.Problem(400, "compoundId", "compoundId names a registered compound.", "须给出已登记小区的 compoundId。");
            var id = Guid.NewGuid();
            var result = await grains.GetGrain<IFilingGrain>(id).RecordAsync(new RecordFiling(body.Kind ?? "", compound.Id, compound.Name, compound.Lon, compound.Lat, on,
                body.Parties ?? "", body.Documents ?? []), http.User.ToCommandContext("登记备案", http.TraceIdentifier));
            return result.AnswerCreated(id, $"/api/governance/filings/{id}");
        }).WithRequestBody<FilingBody>().WithName("RecordFiling").ProducesWrite(StatusCodes.Status201Created);

        g.MapGet("/trainings", async (int? year, IQuerySession session, CancellationToken ct) =>
            (await session.Query<Training>().ToListAsync(ct)).Where(t => year is null || t.HeldOn.Year == year).OrderByDescending(t => t.HeldOn).ToList())
            .WithName("ListTrainings").Produces<List<Training>>();
        writes.MapPost("/trainings", async (HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<TrainingBody>(http);
            if (bad is not null)
                return bad;
            var id = Guid.NewGuid();
            var result = await grains.GetGrain<ITrainingGrain>(id).HoldAsync(new HoldTraining(body!.Topic ?? "", body.HeldOn ?? Today, body.Compounds ?? [], body.Attendees ?? 0, body.Trainer),
                http.User.ToCommandContext("登记物业培训", http.TraceIdentifier));
            return result.AnswerCreated(id, $"/api/governance/trainings/{id}");
        }).WithRequestBody<TrainingBody>().WithName("RecordTraining").ProducesWrite(StatusCodes.Status201Created);

        g.MapGet("/property-companies", async (IRegisterReader registers, CancellationToken ct) =>
            (await registers.CompoundsAsync(Today, ct)).Where(c => c.PropertyCompany is not null).GroupBy(c => c.PropertyCompany!)
                .Select(x => new PropertyCompany(x.Key, [.. x.Select(c => c.Name)])).OrderBy(x => x.Name, StringComparer.Ordinal).ToList())
            .WithName("ListPropertyCompanies").Produces<List<PropertyCompany>>();
    }
}
