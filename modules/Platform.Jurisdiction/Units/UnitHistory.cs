namespace Platform.Jurisdiction.Units;

/// <summary>
/// A unit's states through time, each valid from one decision's effective date to the next's.
/// The read model behind every "as of" question. Built inline from the unit's stream.
/// </summary>
internal sealed class UnitHistory
{
    public Guid Id { get; set; }
    public List<UnitVersion> Versions { get; set; } = [];

    /// <summary>The latest version, or null for a stream with no establishing event.</summary>
    public UnitVersion? Latest => Versions.Count == 0 ? null : Versions[^1];

    /// <summary>True when the unit has been abolished (its latest version is closed).</summary>
    public bool Abolished => Latest?.ValidTo is not null;

    /// <summary>The version in force on <paramref name="date"/>, or null.</summary>
    public UnitVersion? At(DateOnly date) =>
        Versions.LastOrDefault(v => v.ValidFrom <= date && (v.ValidTo is null || date < v.ValidTo));
}

/// <summary>One state of a unit; <see cref="ValidTo"/> is exclusive, null while current.</summary>
internal sealed record UnitVersion(
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    string Code,
    string Name,
    UnitLevel Level,
    Guid? ParentId,
    string GeometryWkt,
    Guid? SuccessorId,
    string? DelegatedFromStreet,
    string? ManagingStreet);
