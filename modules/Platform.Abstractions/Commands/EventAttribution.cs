using Marten;

namespace Platform.Abstractions.Commands;

/// <summary>Writes a <see cref="CommandContext"/> into the metadata of the events a session appends.</summary>
public static class EventAttribution
{
    /// <summary>Header name under which the reason of a change is stored.</summary>
    public const string ReasonHeader = "reason";

    /// <summary>Sets user, correlation id and reason on everything <paramref name="session"/> saves.</summary>
    public static IDocumentSession AttributeTo(this IDocumentSession session, CommandContext context)
    {
        session.LastModifiedBy = context.UserId;
        session.CorrelationId = context.CorrelationId;
        if (!string.IsNullOrWhiteSpace(context.Reason))
            session.SetHeader(ReasonHeader, context.Reason);
        return session;
    }
}
