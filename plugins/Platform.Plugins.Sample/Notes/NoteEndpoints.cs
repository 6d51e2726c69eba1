using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Commands;

namespace Platform.Plugins.Sample.Notes;

internal static class NoteEndpoints
{
    public sealed record PostNote(string? Text);

    public static void MapNoteEndpoints(this IEndpointRouteBuilder scene)
    {
        scene.MapPost("/notes", async (HttpContext http, IGrainFactory grains) =>
        {
            PostNote? body;
            try
            {
                body = await http.Request.ReadFromJsonAsync<PostNote>();
            }
            catch (JsonException e)
            {
                return ProblemResults.Problem(400, "body", $"The body is not valid JSON: {e.Message}", "请求内容不是有效的 JSON。");
            }
            var context = new CommandContext(http.User.Identity?.Name ?? "anonymous", null, http.TraceIdentifier);
            var result = await grains.GetGrain<INoteBoardGrain>(NoteLimits.DefaultBoard).PostAsync(body?.Text ?? "", context);
            return result.Rejection is { } r
                ? r.ToProblem()
                : Results.Created("/api/scenes/sample/notes", new { version = result.Version });
        });

        scene.MapGet("/notes", async (IQuerySession session, CancellationToken ct) =>
        {
            var events = await session.Events.FetchStreamAsync(NoteLimits.DefaultBoard, token: ct);
            return events
                .Where(e => e.Data is NotePosted)
                .Select(e => new { text = ((NotePosted)e.Data).Text, version = e.Version, at = e.Timestamp, user = e.UserName });
        });
    }
}
