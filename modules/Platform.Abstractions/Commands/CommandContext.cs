namespace Platform.Abstractions.Commands;

/// <summary>
/// Who asked for a change and why. Every command carries one to its grain, and the grain writes
/// it into the metadata of the events it appends (see <see cref="EventAttribution"/>), so that
/// every change can be attributed and its history listed.
/// </summary>
/// <param name="UserId">The signed-in user's name, or <c>system</c> for changes made by the platform itself.</param>
/// <param name="Reason">Free-text reason, or the decision's document number; may be null.</param>
/// <param name="CorrelationId">Ties together the events caused by one request.</param>
[GenerateSerializer, Immutable]
public sealed record CommandContext(
    [property: Id(0)] string UserId,
    [property: Id(1)] string? Reason,
    [property: Id(2)] string CorrelationId)
{
    /// <summary>A context for changes the platform makes on its own (demo data, migrations).</summary>
    public static CommandContext System(string reason) => new("system", reason, Guid.NewGuid().ToString("N"));
}
