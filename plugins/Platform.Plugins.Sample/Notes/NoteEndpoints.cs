using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Security;

namespace Platform.Plugins.Sample.Notes;

/// <summary>
/// <c>POST /notes</c> (any signed-in user) and <c>GET /notes</c> (anyone; who posted is shown to staff only). An
/// endpoint parses, authorizes, calls the grain and maps its result — the rules live in the grain.
/// </summary>
internal static class NoteEndpoints
{
    public sealed record PostNote(string? Text);

    public static void MapNoteEndpoints(this IEndpointRouteBuilder scene)
    {
        scene.MapPost("/notes", async (HttpContext http, IGrainFactory grains) =>
        {
            var (body, problem) = await RequestBody.ReadAsync<PostNote>(http);
            if (problem is not null)
                return problem;
            var result = await grains.GetGrain<INoteBoardGrain>(NoteLimits.DefaultBoard)
                .PostAsync(body!.Text ?? "", http.User.ToCommandContext("留言", http.TraceIdentifier));
            return result.Rejection is { } r
                ? r.ToProblem()
                : Results.Created("/api/scenes/sample/notes", new NoteAccepted(result.Version));
        }).WithRequestBody<PostNote>().RequireAuthorization(PlatformPolicies.SignedIn).Produces<NoteAccepted>(StatusCodes.Status201Created);

        scene.MapGet("/notes", async (HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            var board = await session.LoadAsync<NoteBoard>(NoteLimits.DefaultBoard, ct);
            var staff = http.User.MaySeePersonalData();
            return (board?.Notes ?? []).Select((n, i) => new { text = n.Text, version = i + 1, at = n.PostedAt, user = staff ? n.PostedBy : null });
        });

        scene.MapGet("/notes/history", (Func<HttpContext, Task<IResult>>)(http => StreamHistory.AnswerAsync<NoteBoard>(http, NoteLimits.DefaultBoard)))
            .RequireAuthorization(PlatformPolicies.Staff).Produces<List<HistoryEntry>>();
    }
}

/// <summary>A note was added: the board's version after it (the note's number).</summary>
internal sealed record NoteAccepted(long Version);
