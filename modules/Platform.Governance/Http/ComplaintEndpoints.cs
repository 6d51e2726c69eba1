using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Security;
using Platform.Governance.Complaints;
using Platform.Spatial;
using Platform.Abstractions.Media;

namespace Platform.Governance.Http;

/// <summary><c>/api/governance/complaints</c>, their categories and photos.</summary>
internal static class ComplaintEndpoints
{
    public sealed record CategoryBody(string? NameZh, string? NameEn, string? DescriptionZh, string? Route, string? Department,
        double? AcceptWithinHours, double? RespondWithinHours, CategoryQuestion[]? Questions);

    public sealed record FileBody(string? Category, string? Description, double[]? Location, string? Address, Dictionary<string, string>? Answers,
        string? ReporterName, string? ReporterPhone, string? Channel);

    public sealed record StatusBody(string? Status, string? Note);

    public sealed record NoteBody(string? Note);

    public sealed record TemplateBody(string? Title, string? Text, string[]? Categories, string? Status);

    public sealed record ReasonBody(string? Reason);

    public static void MapComplaintEndpoints(this IEndpointRouteBuilder app)
    {
        var categories = app.MapGroup("/api/governance/complaint-categories").WithTags("Governance");
        categories.MapGet("", async (IQuerySession session, CancellationToken ct) =>
            (await session.Query<ComplaintCategory>().ToListAsync(ct)).Where(c => !c.Retired).OrderBy(c => c.Code, StringComparer.Ordinal).ToList())
            .WithName("ListComplaintCategories").Produces<List<ComplaintCategory>>();
        categories.MapPut("/{code}", async (string code, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<CategoryBody>(http);
            if (bad is not null)
                return bad;
            var result = await grains.GetGrain<IComplaintCategoryGrain>(ComplaintCategory.StreamId(code)).DefineAsync(
                new DefineComplaintCategory(code, body!.NameZh ?? "", body.NameEn ?? "", body.DescriptionZh ?? "", body.Route ?? "", body.Department,
                    body.AcceptWithinHours ?? 0, body.RespondWithinHours ?? 0, body.Questions ?? []),
                http.User.ToCommandContext("定义投诉类别", http.TraceIdentifier));
            return result.Answer(ComplaintCategory.StreamId(code));
        }).WithRequestBody<CategoryBody>().RequireAuthorization(PlatformPolicies.Administer).WithName("DefineComplaintCategory").ProducesWrite();
        categories.MapPost("/{code}/retire", async (string code, HttpContext http, IGrainFactory grains) =>
            (await grains.GetGrain<IComplaintCategoryGrain>(ComplaintCategory.StreamId(code)).RetireAsync(code, http.User.ToCommandContext("停用投诉类别", http.TraceIdentifier)))
                .Answer(ComplaintCategory.StreamId(code)))
            .RequireAuthorization(PlatformPolicies.Administer).WithName("RetireComplaintCategory").ProducesWrite();

        var templates = app.MapGroup("/api/governance/response-templates").WithTags("Governance");
        templates.MapGet("", async (string? category, bool? retired, IQuerySession session, CancellationToken ct) =>
            (await session.Query<ResponseTemplate>().ToListAsync(ct))
                .Where(t => (retired == true || !t.Retired) && (category is null || t.Categories.Count == 0 || t.Categories.Contains(category)))
                .OrderBy(t => t.Categories.Count == 0 ? 1 : 0).ThenBy(t => t.Title, StringComparer.Ordinal).Select(ResponseTemplateView.Of).ToList())
            .RequireAuthorization(PlatformPolicies.Staff).WithName("ListResponseTemplates").Produces<List<ResponseTemplateView>>();
        templates.MapPut("/{id:guid}", async (Guid id, HttpContext http, IGrainFactory grains, IQuerySession session) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<TemplateBody>(http);
            if (bad is not null)
                return bad;
            var known = (await session.Query<ComplaintCategory>().ToListAsync(http.RequestAborted)).Where(c => !c.Retired).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
            return (await grains.GetGrain<IResponseTemplateGrain>(id).SaveAsync(new SaveResponseTemplate(body!.Title ?? "", body.Text ?? "", body.Categories ?? [], body.Status),
                known, http.User.ToCommandContext("保存回复模板", http.TraceIdentifier))).Answer(id);
        }).WithRequestBody<TemplateBody>().RequireAuthorization(PlatformPolicies.Administer).WithName("SaveResponseTemplate").ProducesWrite();
        templates.MapPost("/{id:guid}/retire", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<ReasonBody>(http);
            if (bad is not null)
                return bad;
            return (await grains.GetGrain<IResponseTemplateGrain>(id).RetireAsync(body!.Reason ?? "", http.User.ToCommandContext("停用回复模板", http.TraceIdentifier))).Answer(id);
        }).WithRequestBody<ReasonBody>().RequireAuthorization(PlatformPolicies.Administer).WithName("RetireResponseTemplate").ProducesWrite();

        var complaints = app.MapGroup("/api/governance/complaints").WithTags("Governance");

        complaints.MapGet("", async (string? status, string? category, string? community, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            var names = await CategoryNamesAsync(session, ct);
            var list = await session.Query<Complaint>().ToListAsync(ct);
            var personal = http.User.MaySeePersonalData();
            return Results.Ok(list.Where(c => (status is null || c.Status == status) && (category is null || c.Category == category)
                    && (community is null || c.CommunityCode == community || c.CommunityName == community))
                .OrderByDescending(c => c.FiledAt).Select(c => ComplaintView.Of(c, names, personal)).ToList());
        }).WithName("ListComplaints").Produces<List<ComplaintView>>();

        complaints.MapGet("/{id:guid}", async (Guid id, HttpContext http, IQuerySession session, CancellationToken ct) =>
            await session.LoadAsync<Complaint>(id, ct) is { } c
                ? Results.Ok(ComplaintView.Of(c, await CategoryNamesAsync(session, ct), http.User.MaySeePersonalData()))
                : ProblemResults.Problem(404, "id", "No such complaint.", "找不到该投诉。"))
            .WithName("GetComplaint").Produces<ComplaintView>();

        complaints.MapGet("/{id:guid}/history", (Guid id, HttpContext http) => StreamHistory.AnswerAsync<Complaint>(http, id))
            .RequireAuthorization(PlatformPolicies.Staff).WithName("ComplaintHistory").Produces<List<HistoryEntry>>();

        complaints.MapGet("/mine", async (HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            var user = http.User.UserName();
            var names = await CategoryNamesAsync(session, ct);
            return Results.Ok((await session.Query<Complaint>().Where(c => c.ReporterUser == user).ToListAsync(ct))
                .OrderByDescending(c => c.FiledAt).Select(c => ComplaintView.Of(c, names, true)).ToList());
        }).RequireAuthorization(PlatformPolicies.SignedIn).WithName("MyComplaints").Produces<List<ComplaintView>>();

        complaints.MapGet("/queue", async (HttpContext http, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        {
            var scope = http.User.Scope();
            var names = await CategoryNamesAsync(session, ct);
            var now = clock.GetUtcNow();
            var open = (await session.Query<Complaint>().Where(c => c.Status != ComplaintStatus.Closed).ToListAsync(ct))
                .Where(c => scope.AllCommunities || scope.Community is null || scope.Covers(c.CommunityCode))
                .OrderBy(c => c.RespondedAt is null ? 0 : 1).ThenBy(c => c.AcceptedAt is null ? c.AcceptDueAt : c.RespondDueAt).ToList();
            return Results.Ok(new ComplaintQueue(now, [.. open.Select(c => ComplaintView.Of(c, names, true))]));
        }).RequireAuthorization(PlatformPolicies.Staff).WithName("ComplaintQueue").Produces<ComplaintQueue>();

        complaints.MapGet("/similar", async (double? lon, double? lat, string? category, double? radius, IQuerySession session, CancellationToken ct) =>
        {
            if (lon is null || lat is null)
                return ProblemResults.Problem(400, "lon", "lon and lat are required.", "须给出经纬度 lon、lat。");
            var within = Math.Clamp(radius ?? 200, 1, 2000);
            var names = await CategoryNamesAsync(session, ct);
            var near = (await session.Query<Complaint>().Where(c => c.Status != ComplaintStatus.Closed).ToListAsync(ct))
                .Where(c => category is null || c.Category == category)
                .Select(c => (c, d: GeometryMeasurement.DistanceMetres(lon.Value, lat.Value, c.Lon, c.Lat)))
                .Where(x => x.d <= within).OrderBy(x => x.d).Take(10)
                .Select(x => new SimilarComplaint(x.c.Id, x.c.Category, names.GetValueOrDefault(x.c.Category, x.c.Category), x.c.Description,
                    ComplaintStatus.NamesZh[x.c.Status], Math.Round(x.d, 1), x.c.FiledAt)).ToList();
            return Results.Ok(near);
        }).WithName("SimilarComplaints").Produces<List<SimilarComplaint>>();

        complaints.MapGet("/figures", async (int? year, IQuerySession session, CancellationToken ct) =>
        {
            var y = year ?? DateTime.Today.Year;
            return Results.Ok(ComplaintFigures.Of(await session.Query<Complaint>().ToListAsync(ct), await CategoryNamesAsync(session, ct), new DateOnly(y, 1, 1), new DateOnly(y, 12, 31)));
        }).WithName("ComplaintFigures").Produces<ComplaintFigures>();

        complaints.MapPost("", async (HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<FileBody>(http);
            if (bad is not null)
                return bad;
            if (body!.Location is not { Length: 2 })
                return ProblemResults.Problem(400, "location", "location is [lon, lat] (EPSG:4490).", "位置须为 [经度, 纬度]。");
            var staff = http.User.MaySeePersonalData();
            var channel = staff && body.Channel == "phone" ? "phone" : "web";
            var id = Guid.NewGuid();
            var result = await grains.GetGrain<IComplaintGrain>(id).FileAsync(
                new FileComplaint(body.Category ?? "", body.Description ?? "", body.Location[0], body.Location[1], body.Address, body.Answers ?? [],
                    body.ReporterName, body.ReporterPhone, channel == "phone" ? null : http.User.UserName(), channel, null, null),
                http.User.ToCommandContext("登记投诉", http.TraceIdentifier));
            return result.AnswerCreated(id, $"/api/governance/complaints/{id}");
        }).WithRequestBody<FileBody>().RequireAuthorization(PlatformPolicies.SignedIn).WithName("FileComplaint").ProducesWrite(StatusCodes.Status201Created);

        complaints.MapPost("/{id:guid}/status", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<StatusBody>(http);
            if (bad is not null)
                return bad;
            return (await grains.GetGrain<IComplaintGrain>(id).ChangeStatusAsync(new ChangeComplaintStatus(body!.Status ?? "", body.Note, false),
                http.User.ToCommandContext(body.Note, http.TraceIdentifier))).Answer(id);
        }).WithRequestBody<StatusBody>().RequireAuthorization(PlatformPolicies.EditCommunityData).WithName("ChangeComplaintStatus").ProducesWrite();

        foreach (var (path, status, name) in new[] { ("confirm", ComplaintStatus.Closed, "ConfirmComplaint"), ("reopen", ComplaintStatus.Reopened, "ReopenComplaint") })
            complaints.MapPost($"/{{id:guid}}/{path}", async (Guid id, HttpContext http, IGrainFactory grains) =>
            {
                var (body, bad) = await RequestBody.ReadAsync<NoteBody>(http);
                if (bad is not null)
                    return bad;
                return (await grains.GetGrain<IComplaintGrain>(id).ChangeStatusAsync(new ChangeComplaintStatus(status, body!.Note, true),
                    http.User.ToCommandContext(body.Note, http.TraceIdentifier))).Answer(id);
            }).WithRequestBody<NoteBody>().RequireAuthorization(PlatformPolicies.SignedIn).WithName(name).ProducesWrite();

        complaints.MapPost("/{id:guid}/photos", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (data, _, bad) = await PhotosAreImagesWithoutTheirLocationRule.ReadUploadAsync(http);
            if (bad is not null)
                return bad;
            return (await grains.GetGrain<IComplaintGrain>(id).AttachPhotoAsync(data!, http.User.ToCommandContext("上传投诉照片", http.TraceIdentifier))).Answer(id);
        }).RequireAuthorization(PlatformPolicies.SignedIn).DisableAntiforgery().WithName("AttachComplaintPhoto").ProducesWrite();

        complaints.MapGet("/{id:guid}/photos/{photoId:guid}", async (Guid id, Guid photoId, IQuerySession session, CancellationToken ct) =>
        {
            // The photo is the data of its event in the complaint's stream (stored already without its metadata).
            var photo = (await session.Events.FetchStreamAsync(id, token: ct)).Select(e => e.Data).OfType<ComplaintPhotoAttached>().FirstOrDefault(p => p.PhotoId == photoId);
            return photo is null ? ProblemResults.Problem(404, "photoId", "No such photo.", "找不到该照片。") : Results.File(photo.Data, photo.ContentType);
        }).WithName("ComplaintPhoto").Produces(StatusCodes.Status200OK, typeof(byte[]), "image/jpeg", "image/png");
    }

    internal static async Task<IReadOnlyDictionary<string, string>> CategoryNamesAsync(IQuerySession session, CancellationToken ct) =>
        (await session.Query<ComplaintCategory>().ToListAsync(ct)).ToDictionary(c => c.Code, c => c.NameZh);
}
