using System.Security.Cryptography;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Security;

namespace Platform.Jurisdiction.Decisions;

/// <summary>
/// <c>/api/jurisdiction/decision-documents</c>: the decision papers a restructuring cites. Uploaded first (multipart, one
/// <c>file</c>), then named by id in the command's <c>decision.documentId</c>; the decision records the paper's SHA-256.
/// </summary>
internal static class DecisionDocumentEndpoints
{
    /// <summary>What an upload answers: the id to cite, and what the platform judged the file to be.</summary>
    public sealed record UploadedDecisionDocument(Guid Id, string FileName, string ContentType, long Size, string Sha256);

    public static void MapDecisionDocuments(RouteGroupBuilder edit, RouteGroupBuilder staff)
    {
        // The endpoint checks the form itself (400 naming the field), so no Accepts constraint answers 415 before the role check.
        edit.MapPost("/decision-documents", UploadAsync).Produces<UploadedDecisionDocument>(StatusCodes.Status201Created);
        staff.MapGet("/decision-documents/{id:guid}", async (Guid id, IQuerySession session, CancellationToken ct) =>
                await session.LoadAsync<DecisionDocument>(id, ct) is { } d
                    ? Results.File(d.Bytes, d.ContentType, d.FileName)
                    : ProblemResults.Problem(404, "id", "No such decision document.", "找不到该决定文件。"))
            .Produces(StatusCodes.Status200OK, typeof(byte[]), DecisionDocumentContent.MediaTypes[0], DecisionDocumentContent.MediaTypes[1..]);
    }

    /// <summary>The stored paper's SHA-256, or a 400 naming <c>decision.documentId</c> when no such paper was uploaded.</summary>
    public static async Task<(string? Sha256, IResult? Problem)> HashOfAsync(Guid? id, IQuerySession session, CancellationToken ct)
    {
        if (id is not { } documentId)
            return (null, null);
        return await session.LoadAsync<DecisionDocument>(documentId, ct) is { } d
            ? (d.Sha256, null)
            : (null, ProblemResults.Problem(400, "decision.documentId", $"No decision document {documentId} was uploaded.", "找不到所引用的决定文件，请先上传。"));
    }

    // PostgreSQL's jsonb refuses NUL, and a name is only a label: control characters go, the length is bounded.
    private static string StorableName(string name)
    {
        var clean = new string(Path.GetFileName(name).Where(c => !char.IsControl(c) && !char.IsSurrogate(c)).ToArray());
        return clean.Length == 0 ? "decision" : clean[..Math.Min(clean.Length, 200)];
    }

    private static async Task<IResult> UploadAsync(HttpContext http, IDocumentStore store)
    {
        const long limit = DecisionDocumentContent.MaxBytes;
        if (!http.Request.HasFormContentType)
            return ProblemResults.Problem(400, "file", "Send the decision paper as multipart/form-data with a field file.", "请以 multipart/form-data 上传决定文件，字段为 file。");
        if (http.Request.ContentLength > limit + 64 * 1024)
            return ProblemResults.Problem(413, "file", $"A decision paper may be at most {limit / 1024 / 1024} MiB.", $"决定文件不得超过 {limit / 1024 / 1024} MB。");
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return ProblemResults.Problem(400, "file", "The form could not be read: " + e.Message, "上传内容无法读取。");
        }
        if (form.Files.GetFile("file") is not { } file)
            return RequestBody.Missing("file", "决定文件");
        if (file.Length == 0)
            return ProblemResults.Problem(400, "file", "The file is empty.", "文件为空。");
        if (file.Length > limit)
            return ProblemResults.Problem(413, "file", $"A decision paper may be at most {limit / 1024 / 1024} MiB.", $"决定文件不得超过 {limit / 1024 / 1024} MB。");
        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
            await stream.ReadExactlyAsync(bytes, http.RequestAborted);
        if (DecisionDocumentContent.Sniff(bytes) is not { } contentType)
            return ProblemResults.Problem(415, "file", "Only PDF, DOCX, PNG and JPEG decision papers are accepted (judged by the file's content).",
                "仅接受 PDF、DOCX、PNG、JPEG 格式的决定文件（按文件内容判断）。");
        var document = new DecisionDocument
        {
            Id = Guid.NewGuid(), FileName = StorableName(file.FileName), ContentType = contentType,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), UploadedBy = http.User.UserName(), UploadedAt = DateTimeOffset.UtcNow, Bytes = bytes,
        };
        await using (var session = store.LightweightSession())
        {
            session.Store(document);
            await session.SaveChangesAsync(http.RequestAborted);
        }
        return Results.Created($"/api/jurisdiction/decision-documents/{document.Id}",
            new UploadedDecisionDocument(document.Id, document.FileName, contentType, bytes.LongLength, document.Sha256));
    }
}
