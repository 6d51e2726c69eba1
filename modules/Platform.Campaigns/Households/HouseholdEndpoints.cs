using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Registers;
using Platform.Abstractions.Security;

namespace Platform.Campaigns.Households;

/// <summary>A register (compound or group) and how many households it holds.</summary>
public sealed record HouseholdCount(Guid RegisterId, string Kind, string Name, string? Village, string? Community, string? CommunityCode, int Households, int Members);

/// <summary>A household as answered: its place always; id, head, phone and ID number only for staff of its community.</summary>
public sealed record HouseholdView(Guid RegisterId, string Register, string? Building, string? Unit, string Room, int Members,
    [property: PersonalData] Guid? Id, [property: PersonalData] string? Head, [property: PersonalData] string? Phone, [property: PersonalData] string? IdNumber);

/// <summary>What an import did: rows read, households registered, and each row not taken.</summary>
public sealed record HouseholdImportAnswer(int Rows, int Imported, List<HouseholdCount> Registers, List<RejectedRow> Rejected);

/// <summary>Household registers: <c>/api/households/…</c>.</summary>
internal static class HouseholdEndpoints
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapHouseholdEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/households").WithTags("Campaigns").RequireAuthorization(PlatformPolicies.Staff);
        g.MapGet("/counts", async (string? kind, IQuerySession session, CancellationToken ct) =>
            (await session.Query<HouseholdRegister>().ToListAsync(ct)).Where(r => kind is null || r.Kind == kind).OrderBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)
                .Select(CountOf).ToList())
            .WithName("HouseholdCounts").Produces<List<HouseholdCount>>();
        g.MapGet("", async (Guid? registerId, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            if (registerId is null)
                return ProblemResults.Problem(400, "registerId", "registerId names a household register (see /api/households/counts).", "须给出住户登记册 registerId（见 /api/households/counts）。");
            if (await session.LoadAsync<HouseholdRegister>(registerId.Value, ct) is not { } register)
                return ProblemResults.Problem(404, "registerId", "No such household register.", "找不到该住户登记册。");
            // Personal data for the register's own community (and administrators) only: planners and other communities' workers see the places.
            var personal = http.User.Scope().Covers(register.CommunityCode);
            return Results.Ok(register.Households.Select(h => new HouseholdView(register.Id, register.Name, h.Building, h.Unit, h.Room, h.Members,
                personal ? h.Id : null, personal ? h.Head : null, personal ? h.Phone : null, personal ? h.IdNumber : null)).ToList());
        }).WithName("ListHouseholds").Produces<List<HouseholdView>>();

        // No Accepts(...): it would answer other content types 415 without a problem body; the endpoint names the field itself.
        g.MapPost("/import", async (bool? keepGoodRows, HttpContext http, IGrainFactory grains, IQuerySession session, IRegisterReader registers, IJurisdictionLocator jurisdiction) =>
        {
            var (rows, problem) = await ReadTableAsync(http);
            if (problem is not null)
                return problem;
            var today = DateOnly.FromDateTime(DateTime.Today);
            var known = (await session.Query<HouseholdRegister>().ToListAsync(http.RequestAborted)).ToDictionary(r => r.Id);
            var parsed = await HouseholdImport.ReadAsync(rows!, await registers.CompoundsAsync(today, http.RequestAborted), known, async (lon, lat) =>
            {
                var unit = (await jurisdiction.CommunitiesOfAsync([(lon, lat)], today, http.RequestAborted))[0];
                return (unit?.Code, unit?.Name);
            });
            var good = parsed.Batches.Sum(b => b.Households.Length);
            // Nothing is written while a row is bad, unless the caller asked to keep the good ones.
            if (parsed.Rejected.Count > 0 && (keepGoodRows != true || good == 0))
                return ProblemResults.Problem(400, "rows", $"{parsed.Rejected.Count} of {parsed.Rows} rows cannot be imported; nothing was written. Fix them, or send keepGoodRows=true to import the other {good}.",
                    $"{parsed.Rows} 行中有 {parsed.Rejected.Count} 行无法导入，未写入任何数据。请修正后重新导入，或以 keepGoodRows=true 仅导入其余 {good} 行。",
                    new Dictionary<string, object?> { ["rows"] = parsed.Rejected });
            var result = await grains.GetGrain<IHouseholdBookGrain>(IHouseholdBookGrain.Key).RegisterAsync([.. parsed.Batches], http.User.ToCommandContext("导入住户", http.TraceIdentifier));
            if (result.Rejection is { } r)
                return r.ToProblem();
            var after = await session.LoadManyAsync<HouseholdRegister>(http.RequestAborted, parsed.Batches.Select(b => b.RegisterId).ToArray());
            return Results.Ok(new HouseholdImportAnswer(parsed.Rows, good, [.. after.Select(CountOf)], parsed.Rejected));
        }).RequireAuthorization(PlatformPolicies.EditCommunityData).DisableAntiforgery().WithName("ImportHouseholds")
            .Produces<HouseholdImportAnswer>();
    }

    private static HouseholdCount CountOf(HouseholdRegister r) =>
        new(r.Id, r.Kind, r.Name, r.Village, r.CommunityName, r.CommunityCode, r.Households.Count, r.Households.Sum(h => h.Members));

    private static async Task<(List<TableFile.Row>? Rows, IResult? Problem)> ReadTableAsync(HttpContext http)
    {
        const long max = 10 * 1024 * 1024;
        if (http.Request.ContentLength > max)
            return (null, ProblemResults.Problem(400, "file", "A household table is at most 10 MB.", "住户表格不能超过 10 MB。"));
        var type = http.Request.ContentType ?? "";
        try
        {
            if (type.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                var form = await http.Request.ReadFormAsync(http.RequestAborted);
                if (form.Files.GetFile("file") is not { } file)
                    return (null, ProblemResults.Problem(400, "file", "Send the table in the form field 'file'.", "请以表单字段 file 上传表格。"));
                if (file.Length > max)
                    return (null, ProblemResults.Problem(400, "file", "A household table is at most 10 MB.", "住户表格不能超过 10 MB。"));
                await using var stream = file.OpenReadStream();
                var xlsx = file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || file.ContentType == XlsxType;
                return (await ReadAsync(stream, xlsx, http.RequestAborted), null);
            }
            if (type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) || type.StartsWith(XlsxType, StringComparison.OrdinalIgnoreCase))
                return (await ReadAsync(http.Request.Body, type.StartsWith(XlsxType, StringComparison.OrdinalIgnoreCase), http.RequestAborted), null);
        }
        catch (Exception e) when (e is InvalidDataException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or System.Xml.XmlException or FormatException or System.Text.DecoderFallbackException or ArgumentException)
        {
            return (null, ProblemResults.Problem(400, "file", "The file is not a readable CSV (UTF-8) or XLSX table.", "文件不是可读取的 CSV（UTF-8）或 XLSX 表格。"));
        }
        return (null, ProblemResults.Problem(415, "Content-Type", "Send text/csv, an XLSX workbook, or multipart/form-data with the field 'file'.", "请上传 CSV（text/csv）或 XLSX 表格，或以表单字段 file 上传。"));
    }

    private static async Task<List<TableFile.Row>> ReadAsync(Stream body, bool xlsx, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        if (xlsx)
            return TableFile.Xlsx(buffer);
        var text = new System.Text.UTF8Encoding(false, true).GetString(buffer.ToArray());
        return TableFile.Csv(text);
    }
}
