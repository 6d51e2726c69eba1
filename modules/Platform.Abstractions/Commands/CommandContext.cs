namespace Platform.Abstractions.Commands;

/// <summary>
/// Who asked for a change and why. Every command carries one to its grain, and the write path
/// (<see cref="EventWriter"/>) writes it into the metadata of the events it appends (see
/// <see cref="EventAttribution"/>), so that every change can be attributed and its history listed.
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
    /// <summary>
    /// Which communities' records the caller may change; <see cref="CallerScope.Nowhere"/> unless set, so a
    /// context built by hand can take part in things but change no community's records.
    /// </summary>
    [Id(3)]
    public CallerScope Scope { get; init; } = CallerScope.Nowhere;

    /// <summary>A context for changes the platform makes on its own (demo data, migrations): every community.</summary>
    public static CommandContext System(string reason) =>
        new("system", reason, Guid.NewGuid().ToString("N")) { Scope = CallerScope.Everywhere };
}
