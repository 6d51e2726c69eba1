using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Platform.Abstractions.Commands;

namespace Platform.Abstractions.Http;

/// <summary>
/// What an accepted change answers: the record and the version the change produced — the version to send back
/// with the next change of the same record. Since SDK 1.5.
/// </summary>
/// <param name="Id">The record that was changed (or created).</param>
/// <param name="Version">The record's version after the change.</param>
public sealed record WriteAnswer(Guid Id, long Version);

/// <summary>Turning a grain's <see cref="CommandResult"/> into the HTTP answer, and declaring that answer. Since SDK 1.5.</summary>
public static class WriteAnswers
{
    /// <summary>200 with a <see cref="WriteAnswer"/>, or the refusal as problem+json.</summary>
    public static IResult Answer(this CommandResult result, Guid id) =>
        result.Rejection is { } r ? r.ToProblem() : Results.Ok(new WriteAnswer(id, result.Version));

    /// <summary>201 at <paramref name="location"/> with a <see cref="WriteAnswer"/>, or the refusal as problem+json.</summary>
    public static IResult AnswerCreated(this CommandResult result, Guid id, string location) =>
        result.Rejection is { } r ? r.ToProblem() : Results.Created(location, new WriteAnswer(id, result.Version));

    /// <summary>The endpoint answers a <see cref="WriteAnswer"/> (200, or 201 for a creation) in the API description.</summary>
    public static RouteHandlerBuilder ProducesWrite(this RouteHandlerBuilder builder, int status = StatusCodes.Status200OK) =>
        builder.Produces<WriteAnswer>(status);
}
