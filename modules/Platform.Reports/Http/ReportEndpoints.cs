using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Security;
using Platform.Reports.Model;
using Platform.Reports.Rendering;

namespace Platform.Reports.Http;

/// <summary>
/// <c>GET /api/reports/annual|overview?year=&amp;format=docx|html|md</c> and <c>GET /api/reports/community/{code}?year=&amp;format=</c>,
/// for staff (the reports name compounds and sites, not persons, but are internal working documents).
/// </summary>
internal static class ReportEndpoints
{
    public static void MapReportOutputEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports").RequireAuthorization(PlatformPolicies.Staff);
        reports.MapGet("/annual", (string? year, string? asOf, string? format, HttpContext http, ReportEngine engine) =>
            AnswerAsync(engine, "annual", year, null, format, http.User, null, http.RequestAborted, asOf: asOf)).ProducesReport();
        reports.MapGet("/overview", (string? year, string? asOf, string? format, HttpContext http, ReportEngine engine) =>
            AnswerAsync(engine, "overview", year, null, format, http.User, null, http.RequestAborted, asOf: asOf)).ProducesReport();
        reports.MapGet("/community/{code}", (string code, string? year, string? asOf, string? format, HttpContext http, ReportEngine engine) =>
            AnswerAsync(engine, "community", year, code, format, http.User, null, http.RequestAborted, asOf: asOf)).ProducesReport();
    }

    /// <summary>The endpoint answers a rendered report: a Word document (the default), HTML or Markdown.</summary>
    public static RouteHandlerBuilder ProducesReport(this RouteHandlerBuilder builder) =>
        builder.Produces(StatusCodes.Status200OK, typeof(byte[]), ReportFormats.MediaType("docx"), ReportFormats.MediaType("html"), ReportFormats.MediaType("md"));

    /// <summary>Renders and answers a report; problems for a bad year, format or community, and for a broken template (with <paramref name="templateStatus"/>).</summary>
    public static async Task<IResult> AnswerAsync(ReportEngine engine, string kind, string? yearText, string? community, string? formatText, ClaimsPrincipal user,
        IReadOnlyDictionary<string, string>? trial, CancellationToken ct, int templateStatus = 422, string? asOf = null)
    {
        if (ParseAsOf(asOf, yearText) is { Problem: { } refused })
            return ProblemResults.Problem(400, refused.Field, refused.En, refused.Zh);
        var date = ParseAsOf(asOf, yearText).Date;
        if ((yearText is null && date is { } d ? d.Year : ParseYear(yearText)) is not { } year)
            return ProblemResults.Problem(400, "year", "year must be a year between 2000 and 2100.", "year 须为 2000 至 2100 之间的年份。");
        if (year > DateTime.Today.Year)
            return ProblemResults.Problem(400, "year", $"{year} has not begun: there are no records to report yet.", $"{year}年尚未开始，暂无可汇总的记录。");
        var format = (formatText ?? "docx").Trim().ToLowerInvariant();
        if (!ReportFormats.IsKnown(format))
            return ProblemResults.Problem(400, "format", "format must be docx, html or md.", "format 须为 docx、html 或 md。");
        try
        {
            var report = await engine.RenderAsync(new ReportRequest(kind, year, community, date), user, trial, ct);
            var bytes = ReportFormats.Write(report, format);
            return format == "docx"
                ? Results.File(bytes, ReportFormats.MediaType(format), $"{report.FileStem}.docx")
                : Results.Bytes(bytes, ReportFormats.MediaType(format));
        }
        catch (UnknownCommunityException e)
        {
            return ProblemResults.Problem(404, "code", e.Message, $"该年度没有代码为“{e.Code}”的社区或村。");
        }
        catch (ReportTemplateException e)
        {
            return TemplateProblem(e, templateStatus);
        }
    }

    /// <summary>A problem naming the template, line and column; no report is produced.</summary>
    /// <param name="year">The year of the report the template failed in, when an upload's check renders several.</param>
    public static IResult TemplateProblem(ReportTemplateException e, int status, int? year = null)
    {
        var extensions = new Dictionary<string, object?> { ["template"] = e.Template, ["line"] = e.Line, ["column"] = e.Column, ["reason"] = e.Reason };
        if (year is not null)
            extensions["year"] = year;
        return ProblemResults.Problem(status, "template", year is null ? e.Message : $"{e.Message} (in the report for {year})",
            year is null ? $"模板“{e.Template}”第{e.Line}行第{e.Column}列有误：{e.Reason}" : $"模板“{e.Template}”第{e.Line}行第{e.Column}列有误（{year}年报告）：{e.Reason}",
            extensions);
    }

    /// <summary>
    /// The <c>asOf</c> date (YYYY-MM-DD): not in the future and, when a year is given, inside it. A report as of a date counts
    /// what was recorded and in force by then.
    /// </summary>
    public static (DateOnly? Date, (string Field, string En, string Zh)? Problem) ParseAsOf(string? text, string? yearText)
    {
        if (string.IsNullOrWhiteSpace(text))
            return (null, null);
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return (null, ("asOf", "asOf is a date, YYYY-MM-DD.", "asOf 须为日期，格式 YYYY-MM-DD。"));
        if (date > DateOnly.FromDateTime(DateTime.Today))
            return (null, ("asOf", "asOf is not in the future.", "asOf 不能晚于今天。"));
        if (ParseYear(yearText) is { } year && !string.IsNullOrWhiteSpace(yearText) && date.Year != year)
            return (null, ("asOf", $"asOf lies in the report's year {year}.", $"asOf 须在报告年度{year}年之内。"));
        return (date, null);
    }

    public static int? ParseYear(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return DateTime.Today.Year;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100 ? y : null;
    }
}
