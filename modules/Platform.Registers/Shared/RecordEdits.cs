using Marten;
using Marten.Events.Aggregation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Platform.Abstractions.Commands;

namespace Platform.Registers.Shared;

/// <summary>What the revision, move and retire endpoints of every register share: If-Match required, a reason to retire, "as of" reads.</summary>
internal static class RecordEdits
{
    /// <summary>The body of <c>POST …/{id}/retire</c>: why the record leaves the register (required).</summary>
    public sealed record RetireBody(string? Reason);

    /// <summary>
    /// An edit of a record must state the version it was based on (<c>If-Match: "N"</c>, the ETag of the GET): without it
    /// the answer is 428, so a page that forgot to send it cannot overwrite a newer change. The version itself is compared
    /// by the write path (412 when stale).
    /// </summary>
    public static RouteHandlerBuilder RequireIfMatch(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
            context.HttpContext.Request.Headers.IfMatch.Count == 0
                ? ProblemResults.Problem(428, "If-Match",
                    "A revision states the version it is based on: send the ETag of GET of the record as If-Match, e.g. If-Match: \"3\".",
                    "修改须注明所依据的版本：请将读取记录时的 ETag 作为 If-Match 发送，例如 If-Match: \"3\"。")
                : await next(context))
        .Produces(StatusCodes.Status428PreconditionRequired);

    /// <summary>The reason of a retirement, or the 400 naming <c>reason</c>.</summary>
    public static IResult? MissingReason(RetireBody? body) =>
        string.IsNullOrWhiteSpace(body?.Reason) ? ProblemResults.Problem(400, "reason", "'reason' is required: say why the record is retired.", "缺少“注销原因”。") : null;

    /// <summary>
    /// Record <paramref name="id"/> as it stood at the end of <paramref name="asOf"/> (China time, UTC+8), rebuilt from its
    /// events; today's document when no date is asked. Null when it did not exist then.
    /// </summary>
    /// <remarks>Folded here with the register's own projection (<paramref name="projection"/>), over the events up to that time.</remarks>
    public static async Task<(T? Record, IResult? Problem)> LoadAsync<T>(IQuerySession session, Guid id, string? asOf, SingleStreamProjection<T, Guid> projection, CancellationToken ct)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(asOf))
            return (await session.LoadAsync<T>(id, ct), null);
        if (!Wire.TryDate(asOf, out var date))
            return (null, ProblemResults.Problem(400, "asOf", "asOf must be a date YYYY-MM-DD.", "asOf 须为 YYYY-MM-DD 格式的日期。"));
        if (await session.LoadAsync<T>(id, ct) is null)
            return (null, null);
        // Npgsql writes only UTC offsets to timestamptz.
        var end = new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
        var events = await session.Events.FetchStreamAsync(id, timestamp: end, token: ct);
        T? record = null;
        foreach (var e in events)
            record = projection.Evolve(record, id, e);
        return (record, null);
    }

    /// <summary>True when a record retired on <paramref name="retiredOn"/> is still on the register on <paramref name="date"/>.</summary>
    public static bool InForce(DateOnly? retiredOn, DateOnly date) => retiredOn is null || date < retiredOn;

    public static Rejection Retired(string what, string whatZh, DateOnly on) =>
        new(409, "id", $"The {what} was retired on {Wire.Date(on)}; a retired record is not changed.", $"该{whatZh}已于 {Wire.Date(on)} 注销，不能再修改。");
}
