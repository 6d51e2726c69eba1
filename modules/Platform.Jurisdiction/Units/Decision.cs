namespace Platform.Jurisdiction.Units;

/// <summary>
/// The decision behind a change: its document number, the date it takes effect, and why; when the decision paper was
/// uploaded, the stored document's id and the SHA-256 of its bytes (the event records the hash, not the bytes).
/// </summary>
[GenerateSerializer, Immutable]
internal sealed record Decision(
    [property: Id(0)] string DocumentNumber,
    [property: Id(1)] DateOnly EffectiveDate,
    [property: Id(2)] string Reason,
    [property: Id(3)] Guid? DocumentId = null,
    [property: Id(4)] string? DocumentSha256 = null);
