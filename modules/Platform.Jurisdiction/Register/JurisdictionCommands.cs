using Platform.Jurisdiction.Units;

namespace Platform.Jurisdiction.Register;

// Commands to the jurisdiction register. Geometry is WKT in EPSG:4490, already validated by the spatial layer.

[GenerateSerializer, Immutable]
internal sealed record EstablishUnit(
    [property: Id(0)] string Code, [property: Id(1)] string Name, [property: Id(2)] UnitLevel Level,
    [property: Id(3)] Guid? ParentId, [property: Id(4)] string GeometryWkt, [property: Id(5)] Decision Decision);

[GenerateSerializer, Immutable]
internal sealed record RenameUnit([property: Id(0)] Guid UnitId, [property: Id(1)] string Name, [property: Id(2)] Decision Decision);

[GenerateSerializer, Immutable]
internal sealed record ConvertVillage(
    [property: Id(0)] Guid UnitId, [property: Id(1)] string Name, [property: Id(2)] string Code, [property: Id(3)] Decision Decision);

/// <summary>A unit to be newly established as the successor of a merge (更名新建).</summary>
[GenerateSerializer, Immutable]
internal sealed record NewUnit([property: Id(0)] string Code, [property: Id(1)] string Name, [property: Id(2)] UnitLevel Level);

/// <summary>Abolish <see cref="AbsorbedIds"/> and merge them into an existing unit or a newly established one.</summary>
[GenerateSerializer, Immutable]
internal sealed record MergeUnits(
    [property: Id(0)] Guid[] AbsorbedIds, [property: Id(1)] Guid? SuccessorId, [property: Id(2)] NewUnit? NewSuccessor,
    [property: Id(3)] Decision Decision);

[GenerateSerializer, Immutable]
internal sealed record TransferArea(
    [property: Id(0)] Guid FromId, [property: Id(1)] Guid ToId, [property: Id(2)] string AreaWkt, [property: Id(3)] Decision Decision);

[GenerateSerializer, Immutable]
internal sealed record MergeGroups(
    [property: Id(0)] Guid[] GroupIds, [property: Id(1)] Guid SuccessorId, [property: Id(2)] HouseholdVote Vote,
    [property: Id(3)] Decision Decision);

[GenerateSerializer, Immutable]
internal sealed record GrantDelegation(
    [property: Id(0)] string Name, [property: Id(1)] string OwnerStreet, [property: Id(2)] string GeometryWkt,
    [property: Id(3)] Decision Decision);
