using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Registers;
using Platform.Abstractions.Security;
using Platform.Campaigns.Figures;

namespace Platform.Campaigns.Passes;

/// <summary>Entrance QR passes (双色卡): <c>/api/passes/…</c> and the public scan page <c>/passes/scan/{code}</c>.</summary>
internal static class PassEndpoints
{
    public sealed record CategoriesBody(PassCategory[]? Categories);

    public sealed record IssueBody(Guid? CompoundId);

    public sealed record RevokeBody(string? Reason);

    public sealed record EntryBody(string? Category, string? Name, string? Phone);

    public static void MapPassEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/passes").WithTags("Campaigns");
        g.MapGet("/categories", async (IQuerySession session, CancellationToken ct) => await CategoriesAsync(session, ct))
            .WithName("ListPassCategories").Produces<List<PassCategory>>();
        g.MapPut("/categories", async (HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<CategoriesBody>(http);
            if (bad is not null)
                return bad;
            return (await grains.GetGrain<IPassSchemeGrain>(PassScheme.StreamId).NameAsync(new NamePassCategories(body!.Categories ?? []),
                http.User.ToCommandContext("设置双色卡类别", http.TraceIdentifier))).Answer(PassScheme.StreamId);
        }).WithRequestBody<CategoriesBody>().RequireAuthorization(PlatformPolicies.Administer).WithName("NamePassCategories").ProducesWrite();

        g.MapGet("/entrances", async (Guid? compoundId, HttpContext http, IRegisterReader registers, IQuerySession session, CancellationToken ct) =>
            (await EntrancesAsync(registers, session, BaseUrl(http), ct)).Where(e => compoundId is null || e.CompoundId == compoundId).ToList())
            .RequireAuthorization(PlatformPolicies.Staff).WithName("ListEntrances").Produces<List<EntranceView>>();
        g.MapGet("/coverage", async (IRegisterReader registers, IQuerySession session, CancellationToken ct) =>
            await CoverageAsync(await registers.CompoundsAsync(DateOnly.FromDateTime(DateTime.Today), ct), session, ct))
            .WithName("EntranceCoverage").Produces<EntranceCoverage>();
        g.MapPost("/entrances/issue", async (HttpContext http, IGrainFactory grains, IRegisterReader registers, IQuerySession session) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<IssueBody>(http);
            if (bad is not null)
                return bad;
            if (body!.CompoundId is not { } compoundId || (await registers.CompoundsAsync(DateOnly.FromDateTime(DateTime.Today), http.RequestAborted)).FirstOrDefault(c => c.Id == compoundId) is not { } compound)
                return ProblemResults.Problem(400, "compoundId", "compoundId names a registered compound.", "须给出已登记小区的 compoundId。");
            if (compound.Entrances.Count == 0)
                return ProblemResults.Problem(409, "compoundId", "The compound has no entrance registered; draw its entrances in the compound register first.", "该小区未标注出入口，请先在小区登记中标注出入口。");
            var issued = new List<Guid>();
            for (var i = 0; i < compound.Entrances.Count; i++)
            {
                var id = EntranceIds.Of(compound.Id, i);
                if (await session.LoadAsync<EntrancePass>(id, http.RequestAborted) is { Code.Length: > 0 })
                    continue;
                var e = compound.Entrances[i];
                var result = await grains.GetGrain<IEntranceGrain>(id).IssueAsync(new IssueEntrancePass(compound.Id, compound.Name, compound.Kind, EntranceIds.NameOf(i), e.Lon, e.Lat),
                    http.User.ToCommandContext("生成出入口二维码", http.TraceIdentifier));
                if (result.Rejection is { } r)
                    return r.ToProblem();
                issued.Add(id);
            }
            return Results.Ok(issued);
        }).WithRequestBody<IssueBody>().RequireAuthorization(PlatformPolicies.EditCommunityData).WithName("IssueEntrancePasses").Produces<List<Guid>>();
        g.MapPost("/entrances/{id:guid}/revoke", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<RevokeBody>(http);
            if (bad is not null)
                return bad;
            return (await grains.GetGrain<IEntranceGrain>(id).RevokeAsync(body!.Reason ?? "", http.User.ToCommandContext("作废出入口二维码", http.TraceIdentifier))).Answer(id);
        }).WithRequestBody<RevokeBody>().RequireAuthorization(PlatformPolicies.EditCommunityData).WithName("RevokeEntrancePass").ProducesWrite();

        foreach (var (extension, type) in new[] { ("png", "image/png"), ("pdf", "application/pdf") })
            g.MapGet($"/entrances/{{id:guid}}/poster.{extension}", async (Guid id, HttpContext http, IQuerySession session, EntryRecordPurge purge, CancellationToken ct) =>
            {
                if (await session.LoadAsync<EntrancePass>(id, ct) is not { Code.Length: > 0 } pass)
                    return ProblemResults.Problem(404, "id", "No pass is issued to this entrance (POST /api/passes/entrances/issue).", "该出入口尚未生成二维码。");
                var content = new EntrancePoster.Content(pass.CompoundName, pass.Name, $"{BaseUrl(http)}/passes/scan/{pass.Code}", pass.Code[..6].ToUpperInvariant(),
                    await CategoriesAsync(session, ct), (int)purge.Retention.TotalDays, "兴隆街道");
                return Results.File(extension == "png" ? EntrancePoster.Png(content) : EntrancePoster.Pdf(content), type, $"entrance-{id}.{extension}");
            }).RequireAuthorization(PlatformPolicies.Staff).WithName(extension == "png" ? "EntrancePosterPng" : "EntrancePosterPdf").Produces(StatusCodes.Status200OK, typeof(byte[]), type);

        g.MapGet("/entrances/{id:guid}/entries", async (Guid id, DateOnly? day, HttpContext http, IQuerySession session, IRegisterReader registers, TimeProvider clock, CancellationToken ct) =>
        {
            if (await session.LoadAsync<EntrancePass>(id, ct) is not { } pass)
                return ProblemResults.Problem(404, "id", "No pass is issued to this entrance.", "该出入口尚未生成二维码。");
            var on = day ?? ChinaTime.Today(clock);
            var community = (await registers.CompoundsAsync(DateOnly.FromDateTime(DateTime.Today), ct)).FirstOrDefault(c => c.Id == pass.CompoundId)?.CommunityCode;
            // Names and phones only for the compound's own community (and administrators): staff of elsewhere see the counts.
            var personal = http.User.Scope().Covers(community);
            var from = new DateTimeOffset(on.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);
            var to = from.AddDays(1);
            var entries = await session.Query<EntryRecord>().Where(e => e.EntranceId == id && e.At >= from && e.At < to).OrderBy(e => e.At).ToListAsync(ct);
            return Results.Ok(entries.Select(e => new EntryView(e.Id, e.Category, e.PassNo, e.At, personal ? e.Name : null, personal ? e.Phone : null)).ToList());
        }).RequireAuthorization(PlatformPolicies.Staff).WithName("EntranceEntries").Produces<List<EntryView>>();
        g.MapGet("/counts", async (DateOnly? from, DateOnly? to, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        {
            var end = to ?? ChinaTime.Today(clock);
            var start = from ?? end;
            if (start > end || end.DayNumber - start.DayNumber > 366)
                return ProblemResults.Problem(400, "from", "from is on or before to, at most a year apart.", "起止日期须在一年以内且起日不晚于止日。");
            var passes = (await session.Query<EntrancePass>().ToListAsync(ct)).ToDictionary(p => p.Id);
            var counts = await session.Query<EntranceDayCount>().Where(c => c.Day >= start && c.Day <= end).ToListAsync(ct);
            return Results.Ok(counts.Where(c => passes.ContainsKey(c.EntranceId)).OrderBy(c => c.Day).ThenBy(c => passes[c.EntranceId].CompoundName, StringComparer.Ordinal)
                .ThenBy(c => passes[c.EntranceId].Name, StringComparer.Ordinal).ThenBy(c => c.Category, StringComparer.Ordinal)
                .Select(c => new EntranceDayCountView(c.EntranceId, passes[c.EntranceId].CompoundName, passes[c.EntranceId].Name, c.Day, c.Category, c.Count)).ToList());
        }).RequireAuthorization(PlatformPolicies.Staff).WithName("EntranceCounts").Produces<List<EntranceDayCountView>>();

        // The public surface of a scan: the place and the categories; an entry answers its pass number only.
        g.MapGet("/scan/{code}", async (string code, IQuerySession session, EntryRecordPurge purge, CancellationToken ct) =>
        {
            var (pass, problem) = await FindAsync(session, code, ct);
            return problem ?? Results.Ok(new ScanView(pass!.CompoundName, pass.Name, await CategoriesAsync(session, ct), (int)purge.Retention.TotalDays));
        }).WithName("ScanEntrance").Produces<ScanView>();
        g.MapPost("/scan/{code}/entries", async (string code, HttpContext http, IQuerySession session, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<EntryBody>(http);
            if (bad is not null)
                return bad;
            var (pass, problem) = await FindAsync(session, code, http.RequestAborted);
            if (problem is not null)
                return problem;
            var result = await grains.GetGrain<IEntranceGrain>(pass!.Id).RecordEntryAsync(new RecordEntry(code, body!.Category ?? "", body.Name ?? "", body.Phone ?? ""));
            return result.Rejection is { } r ? r.ToProblem() : Results.Created($"/api/passes/check/{result.Receipt!.PassNo}", result.Receipt);
        }).AllowAnonymous().RequireRateLimiting(PlatformRateLimits.PublicWrite).WithRequestBody<EntryBody>().WithName("RegisterEntry").Produces<EntryReceipt>(StatusCodes.Status201Created);
        g.MapGet("/check/{code}", async (string code, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        {
            var passNo = code.Trim().ToUpperInvariant();
            if (passNo.Length != 8 || await session.Query<EntryRecord>().Where(e => e.PassNo == passNo).FirstOrDefaultAsync(ct) is not { } entry)
                return ProblemResults.Problem(404, "code", "No pass has this number (or its record has been purged).", "查无此通行卡编号（或登记记录已过保存期删除）。");
            var pass = await session.LoadAsync<EntrancePass>(entry.EntranceId, ct);
            var category = (await CategoriesAsync(session, ct)).FirstOrDefault(c => c.Code == entry.Category);
            var day = ChinaTime.DayOf(entry.At);
            return Results.Ok(new PassCheck(entry.PassNo, entry.Category, category?.NameZh ?? entry.Category, category?.Colour ?? "#888888", pass?.CompoundName ?? "", pass?.Name ?? "",
                day, day == ChinaTime.Today(clock)));
        }).WithName("CheckPass").Produces<PassCheck>();

        app.MapGet("/passes/scan/{code}", (string code) => Results.Content(ScanPage.Html(code), "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/passes/scan.js", () => Results.Content(ScanPage.Script, "text/javascript; charset=utf-8")).ExcludeFromDescription();
    }

    internal static async Task<List<PassCategory>> CategoriesAsync(IQuerySession session, CancellationToken ct) =>
        (await session.LoadAsync<PassScheme>(PassScheme.StreamId, ct))?.Categories ?? [.. PassScheme.Default];

    private static async Task<(EntrancePass? Pass, IResult? Problem)> FindAsync(IQuerySession session, string code, CancellationToken ct)
    {
        var passes = await session.Query<EntrancePass>().ToListAsync(ct);
        if (passes.FirstOrDefault(p => p.Code == code) is { } current)
            return (current, null);
        return passes.Any(p => p.RevokedCodes.Contains(code))
            ? (null, ProblemResults.Problem(409, "code", "This code was revoked; scan the entrance's new poster.", "该二维码已作废，请扫描出入口张贴的新二维码。"))
            : (null, ProblemResults.Problem(404, "code", "No entrance has this code.", "二维码无效：找不到对应的出入口。"));
    }

    private static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    internal static async Task<List<EntranceView>> EntrancesAsync(IRegisterReader registers, IQuerySession session, string baseUrl, CancellationToken ct)
    {
        var passes = (await session.Query<EntrancePass>().ToListAsync(ct)).ToDictionary(p => p.Id);
        var list = new List<EntranceView>();
        foreach (var c in await registers.CompoundsAsync(DateOnly.FromDateTime(DateTime.Today), ct))
            for (var i = 0; i < c.Entrances.Count; i++)
            {
                var id = EntranceIds.Of(c.Id, i);
                var pass = passes.GetValueOrDefault(id);
                var issued = pass is { Code.Length: > 0 };
                list.Add(new EntranceView(id, c.Id, c.Name, c.Kind, c.CommunityName, c.CommunityCode, pass?.Name ?? EntranceIds.NameOf(i), [c.Entrances[i].Lon, c.Entrances[i].Lat], issued,
                    issued ? $"{baseUrl}/passes/scan/{pass!.Code}" : null, issued ? $"/api/passes/entrances/{id}/poster.png" : null,
                    issued ? $"/api/passes/entrances/{id}/poster.pdf" : null, pass?.IssuedAt));
            }
        return list;
    }

    internal static async Task<EntranceCoverage> CoverageAsync(IReadOnlyList<CompoundInfo> compounds, IQuerySession session, CancellationToken ct)
    {
        var passes = (await session.Query<EntrancePass>().ToListAsync(ct)).Where(p => p.Code.Length > 0).Select(p => p.Id).ToHashSet();
        var with = compounds.Count(c => c.Entrances.Count > 0);
        var share = compounds.Count == 0 ? 0 : (double)with / compounds.Count;
        var issued = compounds.Sum(c => Enumerable.Range(0, c.Entrances.Count).Count(i => passes.Contains(EntranceIds.Of(c.Id, i))));
        return new EntranceCoverage(compounds.Count, with, compounds.Sum(c => c.Entrances.Count), issued, Math.Round(share, 4),
            Percentages.Of(share), [.. compounds.Where(c => c.Entrances.Count == 0).Select(c => c.Name)]);
    }
}
