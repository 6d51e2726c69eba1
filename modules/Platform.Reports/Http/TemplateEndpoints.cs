using System.Text;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Security;
using Platform.Reports.Overrides;
using Platform.Reports.Rendering;

namespace Platform.Reports.Http;

/// <summary>
/// <c>/api/reports/templates</c>: list and read (staff); upload, preview, history and revert (administrators). An upload is
/// checked by rendering it before it is stored: a template that does not parse or render is refused with its line and column.
/// </summary>
internal static class TemplateEndpoints
{
    public sealed record TemplateBody(string? Template, string? Reason);

    public sealed record RevertBody(string? Reason);

    public static void MapTemplateEndpoints(this IEndpointRouteBuilder app)
    {
        var templates = app.MapGroup("/api/reports/templates");
        var staff = templates.MapGroup("").RequireAuthorization(PlatformPolicies.Staff);
        var admin = templates.MapGroup("").RequireAuthorization(PlatformPolicies.Administer);

        staff.MapGet("", async (ReportTemplates catalog, CancellationToken ct) =>
        {
            var list = new List<TemplateListItem>();
            foreach (var name in catalog.Names)
            {
                var current = (await catalog.CurrentAsync(name, ct))!;
                list.Add(new TemplateListItem(name, ReportTemplates.Reports.Contains(name) ? "report" : "section", current.Version, current.Overridden));
            }
            return Results.Ok(list);
        }).Produces<List<TemplateListItem>>();

        staff.MapGet("/{name}", async (string name, ReportTemplates catalog, CancellationToken ct) =>
            await catalog.CurrentAsync(name, ct) is { } t
                ? Results.Ok(new TemplateView(t.Name, t.Version, t.Overridden, t.Text, t.Shipped))
                : Unknown(name, catalog)).Produces<TemplateView>();

        admin.MapGet("/{name}/history", async (string name, ReportTemplates catalog, IQuerySession session, CancellationToken ct) =>
        {
            if (catalog.ShippedText(name) is not { } shipped)
                return Unknown(name, catalog);
            var events = await session.Events.FetchStreamAsync(ReportTemplateStreams.IdOf(name), token: ct);
            var versions = new List<TemplateVersionView> { new(0, "shipped", null, "platform", "随平台发布的模板", shipped) };
            versions.AddRange(events.Select(e => new TemplateVersionView(
                e.Version,
                e.Data is ReportTemplateReverted ? "reverted" : "revised",
                e.Timestamp,
                e.UserName ?? "",
                e.Headers is { } h && h.TryGetValue(EventAttribution.ReasonHeader, out var r) ? r?.ToString() : null,
                e.Data switch { ReportTemplateRevised x => x.Text, ReportTemplateReverted x => x.Text ?? shipped, _ => "" })));
            return Results.Ok(versions);
        }).Produces<List<TemplateVersionView>>();

        admin.MapPut("/{name}", async (string name, HttpContext http, ReportTemplates catalog, ReportEngine engine, IJurisdictionLocator locator, IGrainFactory grains) =>
        {
            if (!catalog.Exists(name))
                return Unknown(name, catalog);
            var (body, bad) = await ReadAsync(http);
            if (bad is not null)
                return bad;
            // Checked by rendering the report it belongs to for every year that has data (a branch for an earlier year must
            // work too), without printing the maps: a broken template is never stored.
            var trial = new Dictionary<string, string> { [name] = body!.Template! };
            foreach (var year in await YearsWithDataAsync(locator, http.RequestAborted))
            {
                var (kind, community) = await TrialOfAsync(name, year, locator, http.RequestAborted);
                try
                {
                    await engine.RenderAsync(new ReportRequest(kind, year, community), http.User, trial, http.RequestAborted, printMaps: false);
                }
                catch (ReportTemplateException e)
                {
                    return ReportEndpoints.TemplateProblem(e, 400, year);
                }
            }
            var result = await grains.GetGrain<IReportTemplateGrain>(name).ReviseAsync(body.Template!, http.User.ToCommandContext(body.Reason ?? "上传报告模板", http.TraceIdentifier));
            return result.Rejection is { } rejection ? rejection.ToProblem() : Results.Ok(new TemplateWriteAnswer(name, result.Version, null));
        }).Produces<TemplateWriteAnswer>(); // The body is JSON {template, reason} or the bare text (text/plain): no JSON-only body declared.

        admin.MapPost("/{name}/preview", async (string name, string? year, string? format, string? report, string? community, HttpContext http,
            ReportTemplates catalog, ReportEngine engine, IJurisdictionLocator locator) =>
        {
            if (!catalog.Exists(name))
                return Unknown(name, catalog);
            var (body, bad) = await ReadAsync(http);
            if (bad is not null)
                return bad;
            var (kind, trialCommunity) = await TrialOfAsync(report ?? name, DateTime.Today.Year, locator, http.RequestAborted);
            return await ReportEndpoints.AnswerAsync(engine, kind, year, community ?? trialCommunity, format ?? "html", http.User,
                new Dictionary<string, string> { [name] = body!.Template! }, http.RequestAborted, templateStatus: 400);
        }).ProducesReport();

        admin.MapPost("/{name}/revert/{version:long}", async (string name, long version, HttpContext http, ReportTemplates catalog, IGrainFactory grains) =>
        {
            if (!catalog.Exists(name))
                return Unknown(name, catalog);
            var reason = http.Request.ContentLength > 0 && (await RequestBody.ReadAsync<RevertBody>(http)).Value is { } b ? b.Reason : null;
            var result = await grains.GetGrain<IReportTemplateGrain>(name).RevertAsync(version, http.User.ToCommandContext(reason ?? $"恢复到第{version}版", http.TraceIdentifier));
            return result.Rejection is { } rejection ? rejection.ToProblem() : Results.Ok(new TemplateWriteAnswer(name, result.Version, version));
        }).WithRequestBody<RevertBody>().Produces<TemplateWriteAnswer>();
    }

    // A template's body is JSON {"template": "...", "reason": "..."} or the bare text (text/plain; reason in ?reason=).
    private static async Task<(TemplateBody? Body, IResult? Problem)> ReadAsync(HttpContext http)
    {
        TemplateBody? body;
        if (http.Request.ContentType?.StartsWith("text/", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            body = new TemplateBody(await reader.ReadToEndAsync(http.RequestAborted), http.Request.Query["reason"].FirstOrDefault());
        }
        else
        {
            var (json, bad) = await RequestBody.ReadAsync<TemplateBody>(http);
            if (bad is not null)
                return (null, bad);
            body = json;
        }
        return string.IsNullOrWhiteSpace(body!.Template) ? (null, RequestBody.Missing("template", "模板内容")) : (body, null);
    }

    // Which report a template is tried in: its own for a report template, the annual summary for a section; the community
    // report on the first community of that year.
    private static async Task<(string Kind, string? Community)> TrialOfAsync(string name, int year, IJurisdictionLocator locator, CancellationToken ct)
    {
        var kind = ReportTemplates.Reports.Contains(name) ? name : "annual";
        if (kind != "community")
            return (kind, null);
        var communities = await locator.CommunitiesAsync(ReportDate(year), ct);
        return (kind, communities.FirstOrDefault()?.Code);
    }

    // The years with data: this year and every earlier one back to the first whose end has no community or village on
    // record (the jurisdiction register starts there); this year alone on an empty platform.
    private static async Task<IReadOnlyList<int>> YearsWithDataAsync(IJurisdictionLocator locator, CancellationToken ct)
    {
        var thisYear = DateTime.Today.Year;
        var years = new List<int> { thisYear };
        for (var year = thisYear - 1; year > thisYear - 100 && (await locator.CommunitiesAsync(ReportDate(year), ct)).Count > 0; year--)
            years.Add(year);
        return years;
    }

    private static DateOnly ReportDate(int year) =>
        year < DateTime.Today.Year ? new DateOnly(year, 12, 31) : DateOnly.FromDateTime(DateTime.Today);

    private static IResult Unknown(string name, ReportTemplates catalog) =>
        ProblemResults.Problem(404, "name", $"There is no report template '{name}'. Templates: {string.Join(", ", catalog.Names)}.", $"没有名为“{name}”的报告模板。");
}

/// <summary>A report template (<c>report</c>: a whole report; <c>section</c>: a module's section) and whether an administrator overrode it.</summary>
internal sealed record TemplateListItem(string Name, string Kind, long Version, bool Overridden);

/// <summary>A template's text in force and the text shipped with the platform.</summary>
internal sealed record TemplateView(string Name, long Version, bool Overridden, string Text, string Shipped);

/// <summary>One version of a template: 0 is the shipped text; then each upload (<c>revised</c>) or revert (<c>reverted</c>).</summary>
internal sealed record TemplateVersionView(long Version, string Type, DateTimeOffset? At, string User, string? Reason, string Text);

/// <summary>The template's version after an upload or a revert (<see cref="RevertedTo"/>: the version whose text is back).</summary>
internal sealed record TemplateWriteAnswer(string Name, long Version, long? RevertedTo);
