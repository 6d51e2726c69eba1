using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Security;
using Platform.Campaigns.Households;
using Platform.Campaigns.Passes;

namespace Platform.Campaigns.Forms;

/// <summary>A form as listed: its schedule, the current period and its deadline, and the periods overdue now.</summary>
public sealed record ReportFormView(Guid Id, string Name, string Office, List<FormField> Fields, int EveryDays, string ScheduleZh, DateOnly StartOn, DateOnly? EndOn,
    string DueAt, string Responsible, DateOnly? CurrentPeriod, DateTimeOffset? CurrentDeadline, bool CurrentSubmitted, int Submitted, List<DateOnly> Overdue, long Version);

/// <summary>A period whose deadline passed without a submission.</summary>
public sealed record OverdueForm(Guid FormId, string Name, string Office, string Responsible, DateOnly Period, DateTimeOffset Deadline);

/// <summary>Report forms sent upward: <c>/api/forms/…</c>.</summary>
internal static class FormEndpoints
{
    public sealed record DefineBody(string? Name, string? Office, FormField[]? Fields, int? EveryDays, DateOnly? StartOn, DateOnly? EndOn, TimeOnly? DueAt, string? Responsible);

    public sealed record SubmitBody(DateOnly? Period, Dictionary<string, string>? Values);

    public static void MapFormEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/forms").WithTags("Campaigns").RequireAuthorization(PlatformPolicies.Staff);
        g.MapGet("", async (IQuerySession session, TimeProvider clock, CancellationToken ct) =>
            (await session.Query<ReportForm>().ToListAsync(ct)).OrderBy(f => f.EveryDays).ThenBy(f => f.Name, StringComparer.Ordinal).Select(f => ViewOf(f, clock.GetUtcNow())).ToList())
            .WithName("ListReportForms").Produces<List<ReportFormView>>();
        g.MapGet("/overdue", async (IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        {
            var now = clock.GetUtcNow();
            return (await session.Query<ReportForm>().ToListAsync(ct))
                .SelectMany(f => f.OverdueAt(now).Select(p => new OverdueForm(f.Id, f.Name, f.Office, f.Responsible, p, f.DeadlineOf(p))))
                .OrderBy(o => o.Deadline).ToList();
        }).WithName("OverdueReportForms").Produces<List<OverdueForm>>();
        g.MapPost("", async (HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<DefineBody>(http);
            if (bad is not null)
                return bad;
            if (body!.StartOn is not { } start)
                return RequestBody.Missing("startOn", "开始日期");
            var id = Guid.NewGuid();
            return (await grains.GetGrain<IReportFormGrain>(id).DefineAsync(new DefineReportForm(body.Name ?? "", body.Office ?? "", body.Fields ?? [], body.EveryDays ?? 1, start, body.EndOn,
                body.DueAt ?? new TimeOnly(17, 0), body.Responsible ?? ""), http.User.ToCommandContext("定义报送报表", http.TraceIdentifier))).AnswerCreated(id, $"/api/forms/{id}");
        }).WithRequestBody<DefineBody>().RequireAuthorization(PlatformPolicies.Administer).WithName("DefineReportForm").ProducesWrite(StatusCodes.Status201Created);
        g.MapPost("/{id:guid}/submissions", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<SubmitBody>(http);
            if (bad is not null)
                return bad;
            if (body!.Period is not { } period)
                return RequestBody.Missing("period", "报送期");
            return (await grains.GetGrain<IReportFormGrain>(id).SubmitAsync(new SubmitReportForm(period, body.Values ?? [], null),
                http.User.ToCommandContext("报送报表", http.TraceIdentifier))).AnswerCreated(id, $"/api/forms/{id}");
        }).WithRequestBody<SubmitBody>().RequireAuthorization(PlatformPolicies.EditCommunityData).WithName("SubmitReportForm").ProducesWrite(StatusCodes.Status201Created);
        foreach (var (extension, type) in new[] { ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), ("csv", "text/csv") })
            g.MapGet($"/{{id:guid}}/export.{extension}", async (Guid id, IQuerySession session, CancellationToken ct) =>
            {
                if (await session.LoadAsync<ReportForm>(id, ct) is not { } form)
                    return ProblemResults.Problem(404, "id", "No such form.", "找不到该报表。");
                List<IReadOnlyList<string>> rows = [["报送期", "截止时间", "报送时间", "报送人", "是否逾期", .. form.Fields.Select(f => f.Name)]];
                rows.AddRange(form.Submissions.OrderBy(s => s.Period).Select(s => (IReadOnlyList<string>)[s.Period.ToString("yyyy-MM-dd"),
                    form.DeadlineOf(s.Period).ToString("yyyy-MM-dd HH:mm"), s.At.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm"), s.By, s.Late ? "逾期" : "按时",
                    .. form.Fields.Select(f => s.Values.GetValueOrDefault(f.Name, ""))]));
                var bytes = extension == "xlsx" ? TableFile.WriteXlsx("报送记录", rows) : TableFile.WriteCsv(rows);
                return Results.File(bytes, type, $"form-{id}.{extension}");
            }).WithName(extension == "xlsx" ? "ExportReportFormXlsx" : "ExportReportFormCsv").Produces(StatusCodes.Status200OK, typeof(byte[]), type);
    }

    internal static string ScheduleZh(int everyDays) => everyDays == 1 ? "每日" : $"每{everyDays}天";

    private static ReportFormView ViewOf(ReportForm f, DateTimeOffset now)
    {
        var current = f.PeriodOf(ChinaTime.DayOf(now));
        return new ReportFormView(f.Id, f.Name, f.Office, f.Fields, f.EveryDays, ScheduleZh(f.EveryDays), f.StartOn, f.EndOn, f.DueAt.ToString("HH:mm"), f.Responsible,
            current, current is { } c ? f.DeadlineOf(c) : null, current is { } p && f.Submissions.Any(s => s.Period == p), f.Submissions.Count, [.. f.OverdueAt(now).TakeLast(30)], f.Version);
    }
}
