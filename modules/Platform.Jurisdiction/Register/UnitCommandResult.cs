using Platform.Abstractions.Commands;

namespace Platform.Jurisdiction.Register;

/// <summary>The outcome of a jurisdiction command: the unit it concerns, or why it was refused.</summary>
[GenerateSerializer, Immutable]
internal sealed record UnitCommandResult([property: Id(0)] Rejection? Rejection, [property: Id(1)] Guid UnitId, [property: Id(2)] string? Finding = null)
{
    public static UnitCommandResult Refused(Rejection rejection) => new(rejection, Guid.Empty);
}
