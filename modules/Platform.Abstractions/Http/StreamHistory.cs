using Marten;
using Microsoft.AspNetCore.Http;
using Platform.Abstractions.Commands;

namespace Platform.Abstractions.Http;

/// <summary>The history of one aggregate's stream as an HTTP answer: each event with its type, time, user, reason and data.</summary>
public static class StreamHistory
{
    public static async Task<IResult> AnswerAsync(IQuerySession session, Guid streamId, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(streamId, token: ct);
        if (events.Count == 0)
            return ProblemResults.Problem(404, "id", $"Nothing is recorded under {streamId}.", "找不到该记录。");
        return Results.Ok(events.Select(e => new
        {
            version = e.Version,
            type = e.EventTypeName,
            at = e.Timestamp,
            user = e.UserName,
            reason = e.Headers is { } h && h.TryGetValue(EventAttribution.ReasonHeader, out var r) ? r?.ToString() : null,
            correlationId = e.CorrelationId,
            data = e.Data,
        }));
    }
}
