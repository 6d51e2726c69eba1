using System.Globalization;
using System.Text;
using Marten;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Security;

namespace Platform.Host.Audit;

/// <summary>
/// <c>GET /api/audit</c>: the audit log (操作日志) — every change the platform recorded, newest first: when, who, in which area,
/// what (the event), why (the reason given), and which record. Read from the event store itself, so nothing can change a
/// record without appearing here. Administrators only; <c>format=csv</c> downloads the same rows for Excel (UTF-8 with BOM).
/// </summary>
internal static class AuditEndpoints
{
    public sealed record AuditEntry(long Sequence, DateTimeOffset At, string? User, string Area, string AreaZh, string Type, string? Reason, Guid Record, long Version);

    /// <summary>The areas by the prefix of their event names, as the log names them.</summary>
    private static readonly IReadOnlyDictionary<string, string> AreasZh = new Dictionary<string, string>
    {
        ["platform"] = "用户管理", ["registers"] = "登记册", ["jurisdiction"] = "行政区划", ["governance"] = "小区治理", ["linkage"] = "三社联动",
        ["reports"] = "报告", ["ecological"] = "生态场景", ["service"] = "服务场景", ["smart"] = "智慧场景", ["vitality"] = "活力场景",
        ["campaigns"] = "排查与防控", ["sample"] = "示例插件",
    };

    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", async (string? from, string? to, string? user, string? area, int? limit, string? format, IQuerySession session, CancellationToken ct) =>
        {
            if (!TryDay(from, out var start) || !TryDay(to, out var end))
                return ProblemResults.Problem(400, from is not null && !TryDay(from, out _) ? "from" : "to", "Dates are YYYY-MM-DD (China time).", "日期格式为 YYYY-MM-DD（北京时间）。");
            if (limit is < 1 or > 10000)
                return ProblemResults.Problem(400, "limit", "limit is between 1 and 10000.", "limit 须在 1 到 10000 之间。");
            if (format is not (null or "json" or "csv"))
                return ProblemResults.Problem(400, "format", "format is json or csv.", "format 须为 json 或 csv。");
            IQueryable<JasperFx.Events.IEvent> query = session.Events.QueryAllRawEvents();
            if (start is { } s)
            {
                var since = new DateTimeOffset(s.ToDateTime(TimeOnly.MinValue), China);
                query = query.Where(x => x.Timestamp >= since);
            }
            if (end is { } e)
            {
                var before = new DateTimeOffset(e.AddDays(1).ToDateTime(TimeOnly.MinValue), China);
                query = query.Where(x => x.Timestamp < before);
            }
            if (area is not null)
            {
                var prefix = area + ".";
                query = query.Where(x => x.EventTypeName.StartsWith(prefix));
            }
            if (user is not null)
                query = query.Where(x => x.UserName == user);
            var events = await query.OrderByDescending(x => x.Sequence).Take(limit ?? 1000).ToListAsync(ct);
            var rows = events.Select(x =>
            {
                var prefix = x.EventTypeName.Contains('.') ? x.EventTypeName[..x.EventTypeName.IndexOf('.')] : "";
                var reason = x.Headers is { } h && h.TryGetValue(EventAttribution.ReasonHeader, out var r) ? r?.ToString() : null;
                return new AuditEntry(x.Sequence, x.Timestamp.ToOffset(China), x.UserName, prefix, AreasZh.GetValueOrDefault(prefix, prefix), x.EventTypeName, reason, x.StreamId, x.Version);
            }).ToList();
            if (format != "csv")
                return Results.Ok(rows);
            var csv = new StringBuilder("\uFEFF序号,时间,操作人,业务,事件,原因,记录,版本\r\n");
            foreach (var row in rows)
                csv.Append(string.Join(',', row.Sequence.ToString(CultureInfo.InvariantCulture), row.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    Csv(row.User), Csv(row.AreaZh), Csv(row.Type), Csv(row.Reason), row.Record.ToString(), row.Version.ToString(CultureInfo.InvariantCulture))).Append("\r\n");
            return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"操作日志-{DateTime.Today:yyyyMMdd}.csv");
        }).RequireAuthorization(PlatformPolicies.Administer).WithTags("Users").WithName("AuditLog")
            .Produces<List<AuditEntry>>().Produces(StatusCodes.Status200OK, typeof(byte[]), "text/csv");
    }

    private static bool TryDay(string? text, out DateOnly? day)
    {
        day = null;
        if (text is null)
            return true;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return false;
        day = d;
        return true;
    }

    /// <summary>A CSV field; a leading =, +, - or @ is quoted with an apostrophe so that a spreadsheet never runs it as a formula.</summary>
    private static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        if (value[0] is '=' or '+' or '-' or '@')
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
