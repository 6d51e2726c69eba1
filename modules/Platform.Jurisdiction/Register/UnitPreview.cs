using Platform.Abstractions.Commands;

namespace Platform.Jurisdiction.Register;

/// <summary>
/// What a restructuring command would do, decided by the same checks as the command itself but with nothing appended:
/// the refusal it would meet, or each unit it would change (<see cref="PreviewedUnit.Change"/>) and its new boundary.
/// </summary>
[GenerateSerializer, Immutable]
internal sealed record UnitPreview([property: Id(0)] Rejection? Rejection, [property: Id(1)] string? Finding, [property: Id(2)] PreviewedUnit[] Units);

/// <summary>
/// One unit a previewed command touches: <c>established</c>, <c>absorbed</c> (takes in others; new boundary),
/// <c>adjusted</c> (范围调整; new boundary), <c>abolished</c>, <c>reparented</c> or <c>vote</c> (the household vote on record).
/// </summary>
[GenerateSerializer, Immutable]
internal sealed record PreviewedUnit([property: Id(0)] Guid UnitId, [property: Id(1)] string Change, [property: Id(2)] string? GeometryWkt, [property: Id(3)] string? Name);
