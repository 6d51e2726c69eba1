using System.Security.Cryptography;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Security;

namespace Platform.Linkage.Projects;

/// <summary><c>/api/linkage/projects</c>, <c>/api/linkage/categories</c>, <c>/api/linkage/stages</c>, <c>/api/linkage/conferences</c>.</summary>
internal static class ProjectEndpoints
{
    public sealed record CreateBody(string? Title, int? Year, string? FundType, string? Category, decimal? AmountWan, string? CommunityCode, Guid? PartnerId);
    public sealed record MeetingBody(DateOnly? HeldOn, int? Entitled, int? Attended, int? VotesFor, int? VotesAgainst);
    public sealed record NoticeBody(DateOnly? From, DateOnly? To);
    public sealed record ReviewBody(DateOnly? HeldOn, string? Reviewers, bool? Approved, string? Opinion);
    public sealed record StageBody(string? Stage);
    public sealed record ApplicationBody(DateOnly? On, decimal? RequestedWan);
    public sealed record DecisionBody(DateOnly? On, bool? Approved, decimal? ApprovedWan);
    public sealed record ProgressBody(DateOnly? On, int? Percent, string? Note);
    public sealed record ResultBody(DateOnly? On, string? Summary);
    public sealed record CheckBody(string? Stage, DateOnly? On, Guid? TeamId, bool? DocumentsComplete, string? Findings, string? Support, bool? FollowUpNeeded, bool? FollowUpDone);
    public sealed record CategoryBody(string? Name, int? Order);
    public sealed record ConferenceBody(string? Name, int? Year, DateOnly? On, Guid[]? ProjectIds);
    public sealed record ConferenceDto(Guid Id, string Name, int Year, DateOnly On, int Projects, decimal TotalWan, IReadOnlyList<FundProjectDto> List);

    public static void MapProjectEndpoints(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/linkage").RequireAuthorization(PlatformPolicies.Staff).WithTags("linkage");
        staff.MapGet("/stages", () => ProjectStages.All.Select(s => new StageDto(s.Order, s.Code, s.NameZh, s.NameEn,
                s.Documents.Select(d => new RequiredDocumentDto(d.Kind, d.NameZh, d.NameEn)).ToList(), s.RuleZh, s.RuleEn)).ToList())
            .Produces<List<StageDto>>().WithName("LinkageStages");
        staff.MapGet("/categories", async (IQuerySession session, CancellationToken ct) =>
                (await session.Query<ProjectCategory>().Where(c => !c.Retired).ToListAsync(ct)).OrderBy(c => c.Order).ThenBy(c => c.Name, StringComparer.Ordinal)
                    .Select(c => new CategoryDto(c.Id, c.Name, c.Order)).ToList())
            .Produces<List<CategoryDto>>().WithName("LinkageCategories");
        staff.MapPost("/categories", async (HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<CategoryBody>(http);
            if (bad is not null)
                return bad;
            if (string.IsNullOrWhiteSpace(body!.Name))
                return RequestBody.Missing("name", "类别名称");
            var id = ProjectCategoryGrain.IdOf(body.Name);
            var result = await grains.GetGrain<IProjectCategoryGrain>(id).AddAsync(body.Name, body.Order ?? 100, http.User.ToCommandContext("增加项目类别", http.TraceIdentifier));
            return result.AnswerCreated(id, $"/api/linkage/categories/{id}");
        }).RequireAuthorization(PlatformPolicies.Administer).WithRequestBody<CategoryBody>().ProducesWrite(StatusCodes.Status201Created).WithName("LinkageAddCategory");

        staff.MapGet("/projects", async (int? year, string? community, string? stage, string? q, IQuerySession session, CancellationToken ct) =>
        {
            var all = await session.Query<FundProject>().ToListAsync(ct);
            return Results.Ok(all.Where(p => (year is null || p.Year == year) && (community is null || p.CommunityCode == community)
                                             && (stage is null || (p.Stage ?? "none") == stage) && (q is null || p.Title.Contains(q, StringComparison.Ordinal)))
                .OrderBy(p => p.CommunityCode, StringComparer.Ordinal).ThenBy(p => p.Title, StringComparer.Ordinal).Select(FundProjectDto.Of).ToList());
        }).Produces<List<FundProjectDto>>().WithName("LinkageProjects");
        staff.MapGet("/projects/{id:guid}", async (Guid id, IQuerySession session, CancellationToken ct) =>
                await session.LoadAsync<FundProject>(id, ct) is { } p ? Results.Ok(FundProjectDto.Of(p)) : ProblemResults.Problem(404, "id", "No such fund project.", "找不到该资金项目。"))
            .Produces<FundProjectDto>().WithName("LinkageProject");
        staff.MapGet("/projects/{id:guid}/history", (Guid id, HttpContext http) => StreamHistory.AnswerAsync<FundProject>(http, id))
            .Produces<List<HistoryEntry>>().WithName("LinkageProjectHistory");
        staff.MapGet("/projects/{id:guid}/documents/{documentId:guid}", async (Guid id, Guid documentId, IQuerySession session, CancellationToken ct) =>
                await session.LoadAsync<StoredDocument>(documentId, ct) is { } d && d.ProjectId == id
                    ? Results.File(d.Bytes, d.ContentType, d.FileName)
                    : ProblemResults.Problem(404, "documentId", "No such document.", "找不到该材料。"))
            .Produces(StatusCodes.Status200OK, typeof(byte[]), DocumentContent.MediaTypes[0], DocumentContent.MediaTypes[1..]).WithName("LinkageProjectDocument");
        staff.MapGet("/board", async (int? year, IQuerySession session, CancellationToken ct) =>
        {
            var all = (await session.Query<FundProject>().ToListAsync(ct)).Where(p => year is null || p.Year == year).Select(FundProjectDto.Of).ToList();
            var stages = new List<(string? Code, string Zh)> { (null, "未启动") };
            stages.AddRange(ProjectStages.All.Select(s => ((string?)s.Code, s.NameZh)));
            var columns = stages.Select(c => new BoardColumnDto(c.Code ?? "none", c.Zh, all.Where(p => p.Stage == c.Code).OrderBy(p => p.Title, StringComparer.Ordinal).ToList())).ToList();
            var bySupervision = all.GroupBy(p => p.SupervisionStatus).Select(g => new SupervisionCountDto(g.Key, g.First().SupervisionStatusZh, g.Count())).ToList();
            return Results.Ok(new BoardDto(year, columns, bySupervision));
        }).Produces<BoardDto>().WithName("LinkageBoard");

        var edit = staff.MapGroup("").RequireAuthorization(PlatformPolicies.EditCommunityData);
        edit.MapPost("/projects", async (HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<CreateBody>(http);
            if (bad is not null)
                return bad;
            if (string.IsNullOrWhiteSpace(body!.Title))
                return RequestBody.Missing("title", "项目名称");
            if (body.Year is null)
                return RequestBody.Missing("year", "年度");
            if (body.AmountWan is null)
                return RequestBody.Missing("amountWan", "金额（万元）");
            if (string.IsNullOrWhiteSpace(body.CommunityCode))
                return RequestBody.Missing("communityCode", "社区(村)");
            var id = Guid.NewGuid();
            var result = await grains.GetGrain<IFundProjectGrain>(id).RegisterAsync(
                new RegisterFundProject(body.Title, body.Year.Value, body.FundType ?? FundTypes.Guarantee, body.Category ?? "", body.AmountWan.Value, body.CommunityCode, body.PartnerId),
                http.User.ToCommandContext("登记资金项目", http.TraceIdentifier));
            return result.AnswerCreated(id, $"/api/linkage/projects/{id}");
        }).WithRequestBody<CreateBody>().ProducesWrite(StatusCodes.Status201Created).WithName("LinkageRegisterProject");

        // The endpoint checks the form itself (400 naming the field), so no Accepts constraint answers 415 before the role check.
        edit.MapPost("/projects/{id:guid}/documents", UploadAsync).Produces<UploadedDocumentDto>(StatusCodes.Status201Created).WithName("LinkageUploadDocument");

        Command<MeetingBody>(edit, "/projects/{id:guid}/meeting", "登记议决会议", "LinkageMeeting", (b, g, c) =>
            b.HeldOn is null ? Task.FromResult(Missing("heldOn", "会议日期"))
            : g.RecordMeetingAsync(new RecordMeeting(b.HeldOn.Value, b.Entitled ?? 0, b.Attended ?? 0, b.VotesFor ?? 0, b.VotesAgainst ?? 0), c));
        Command<NoticeBody>(edit, "/projects/{id:guid}/notice", "登记公示期", "LinkageNotice", (b, g, c) =>
            b.From is null || b.To is null ? Task.FromResult(Missing(b.From is null ? "from" : "to", "公示起止日期"))
            : g.PostNoticeAsync(new PostNotice(b.From.Value, b.To.Value), c));
        Command<ReviewBody>(edit, "/projects/{id:guid}/review", "登记立项评审", "LinkageReview", (b, g, c) =>
            b.HeldOn is null || b.Approved is null ? Task.FromResult(Missing(b.HeldOn is null ? "heldOn" : "approved", "评审日期及结论"))
            : g.RecordReviewAsync(new RecordReview(b.HeldOn.Value, b.Reviewers ?? "", b.Approved.Value, b.Opinion), c));
        Command<StageBody>(edit, "/projects/{id:guid}/stage", "进入项目阶段", "LinkageEnterStage", (b, g, c) =>
            string.IsNullOrWhiteSpace(b.Stage) ? Task.FromResult(Missing("stage", "阶段")) : g.EnterStageAsync(new EnterStage(b.Stage), c));
        Command<ApplicationBody>(edit, "/projects/{id:guid}/incentive-application", "申报激励资金", "LinkageApplyIncentive", (b, g, c) =>
            b.RequestedWan is null ? Task.FromResult(Missing("requestedWan", "申报金额（万元）"))
            : g.ApplyForIncentiveAsync(new ApplyForIncentive(b.On ?? Today, b.RequestedWan.Value), c));
        Command<ProgressBody>(edit, "/projects/{id:guid}/progress", "报告实施进度", "LinkageProgress", (b, g, c) =>
            b.Percent is null ? Task.FromResult(Missing("percent", "进度")) : g.ReportProgressAsync(new ReportProgress(b.On ?? Today, b.Percent.Value, b.Note ?? ""), c));
        Command<ResultBody>(edit, "/projects/{id:guid}/result", "登记项目成效", "LinkageResult", (b, g, c) =>
            g.RecordResultAsync(new RecordResult(b.On ?? Today, b.Summary ?? ""), c));

        var admin = staff.MapGroup("").RequireAuthorization(PlatformPolicies.Administer);
        Command<DecisionBody>(admin, "/projects/{id:guid}/incentive-decision", "激励资金评审", "LinkageDecideIncentive", (b, g, c) =>
            b.Approved is null ? Task.FromResult(Missing("approved", "评审结论"))
            : b.Approved.Value && b.ApprovedWan is null ? Task.FromResult(Missing("approvedWan", "批准金额（万元）"))
            : g.DecideIncentiveAsync(new DecideIncentive(b.On ?? Today, b.Approved.Value, b.ApprovedWan ?? 0m), c));
        Command<CheckBody>(admin, "/projects/{id:guid}/checks", "督导检查", "LinkageSupervisionCheck", (b, g, c) =>
            string.IsNullOrWhiteSpace(b.Stage) ? Task.FromResult(Missing("stage", "检查阶段"))
            : b.TeamId is null ? Task.FromResult(Missing("teamId", "督导小组"))
            : g.RecordSupervisionCheckAsync(Guid.NewGuid(), new RecordSupervisionCheck(b.Stage, b.On ?? Today, b.TeamId.Value, b.DocumentsComplete ?? false, b.Findings ?? "", b.Support, b.FollowUpNeeded ?? false, b.FollowUpDone ?? false), c));

        staff.MapGet("/conferences", async (int? year, IQuerySession session, CancellationToken ct) =>
        {
            var conferences = (await session.Query<LaunchConference>().ToListAsync(ct)).Where(c => year is null || c.Year == year).OrderBy(c => c.On).ToList();
            var projects = (await session.LoadManyAsync<FundProject>(ct, conferences.SelectMany(c => c.ProjectIds).Distinct())).ToDictionary(p => p.Id);
            return Results.Ok(conferences.Select(c =>
            {
                var list = c.ProjectIds.Where(projects.ContainsKey).Select(id => projects[id]).ToList();
                return new ConferenceDto(c.Id, c.Name, c.Year, c.On, list.Count, list.Sum(p => p.AmountWan), list.Select(FundProjectDto.Of).ToList());
            }).ToList());
        }).Produces<List<ConferenceDto>>().WithName("LinkageConferences");
        admin.MapPost("/conferences", async (HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<ConferenceBody>(http);
            if (bad is not null)
                return bad;
            if (body!.Year is null)
                return RequestBody.Missing("year", "年度");
            var id = Guid.NewGuid();
            var result = await grains.GetGrain<ILaunchConferenceGrain>(id).HoldAsync(
                new HoldLaunchConference(body.Name ?? "", body.Year.Value, body.On ?? Today, body.ProjectIds ?? []), http.User.ToCommandContext("项目发布会", http.TraceIdentifier));
            return result.AnswerCreated(id, $"/api/linkage/conferences/{id}");
        }).WithRequestBody<ConferenceBody>().ProducesWrite(StatusCodes.Status201Created).WithName("LinkageHoldConference");
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Today);

    private static CommandResult Missing(string field, string zh) => CommandResult.Refused(400, field, $"'{field}' is required.", $"缺少“{zh}”。");

    private static void Command<TBody>(RouteGroupBuilder group, string pattern, string reason, string name, Func<TBody, IFundProjectGrain, CommandContext, Task<CommandResult>> send)
        where TBody : class =>
        group.MapPost(pattern, async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<TBody>(http);
            if (bad is not null)
                return bad;
            var result = await send(body!, grains.GetGrain<IFundProjectGrain>(id), http.User.ToCommandContext(reason, http.TraceIdentifier));
            return result.Answer(id);
        }).WithRequestBody<TBody>().ProducesWrite().WithName(name);

    /// <summary>
    /// A document for a stage: multipart form with <c>stage</c>, <c>kind</c> and one <c>file</c>. Its type is judged
    /// from its bytes; the bytes are stored first and removed again when the project refuses the document.
    /// </summary>
    private static async Task<IResult> UploadAsync(Guid id, HttpContext http, IGrainFactory grains, IDocumentStore store, IOptions<LinkageOptions> options)
    {
        var limit = options.Value.MaxDocumentBytes;
        if (!http.Request.HasFormContentType)
            return ProblemResults.Problem(400, "file", "Send the document as multipart/form-data with fields stage, kind and file.", "请以 multipart/form-data 上传，字段为 stage、kind、file。");
        if (http.Request.ContentLength > limit + 64 * 1024)
            return ProblemResults.Problem(413, "file", $"A document may be at most {limit / 1024 / 1024} MiB.", $"单个材料不得超过 {limit / 1024 / 1024} MB。");
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return ProblemResults.Problem(400, "file", "The form could not be read: " + e.Message, "上传内容无法读取。");
        }
        var stage = form["stage"].ToString();
        var kind = form["kind"].ToString();
        if (string.IsNullOrWhiteSpace(stage))
            return RequestBody.Missing("stage", "阶段");
        if (string.IsNullOrWhiteSpace(kind))
            return RequestBody.Missing("kind", "材料类型");
        if (form.Files.GetFile("file") is not { } file)
            return RequestBody.Missing("file", "文件");
        if (file.Length == 0)
            return ProblemResults.Problem(400, "file", "The file is empty.", "文件为空。");
        if (file.Length > limit)
            return ProblemResults.Problem(413, "file", $"A document may be at most {limit / 1024 / 1024} MiB.", $"单个材料不得超过 {limit / 1024 / 1024} MB。");
        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
            await stream.ReadExactlyAsync(bytes, http.RequestAborted);
        if (DocumentContent.Sniff(bytes) is not { } contentType)
            return ProblemResults.Problem(415, "file", "Only PDF, DOCX, PNG and JPEG documents are accepted (judged by the file's content).",
                "仅接受 PDF、DOCX、PNG、JPEG 格式的材料（按文件内容判断）。");
        var fileName = Path.GetFileName(file.FileName);
        var documentId = Guid.NewGuid();
        await using (var session = store.LightweightSession())
        {
            session.Store(new StoredDocument { Id = documentId, ProjectId = id, FileName = fileName, ContentType = contentType, Bytes = bytes });
            await session.SaveChangesAsync(http.RequestAborted);
        }
        var result = await grains.GetGrain<IFundProjectGrain>(id).AttachDocumentAsync(
            new AttachDocument(documentId, stage, kind, fileName, contentType, bytes.LongLength, Convert.ToHexStringLower(SHA256.HashData(bytes))),
            http.User.ToCommandContext("上传项目材料", http.TraceIdentifier));
        if (result.Rejection is { } r)
        {
            await using var session = store.LightweightSession();
            session.Delete<StoredDocument>(documentId);
            await session.SaveChangesAsync(CancellationToken.None);
            return r.ToProblem();
        }
        return Results.Created($"/api/linkage/projects/{id}/documents/{documentId}", new UploadedDocumentDto(documentId, contentType, bytes.LongLength, result.Version));
    }
}
