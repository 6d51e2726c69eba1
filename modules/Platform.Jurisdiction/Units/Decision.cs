namespace Platform.Jurisdiction.Units;

/// <summary>The decision behind a change: its document number, the date it takes effect, and why.</summary>
[GenerateSerializer, Immutable]
internal sealed record Decision(
    [property: Id(0)] string DocumentNumber,
    [property: Id(1)] DateOnly EffectiveDate,
    [property: Id(2)] string Reason);
