namespace Platform.Abstractions.Commands;

/// <summary>
/// Where a caller may change records: every community (administrators, the platform itself), one community
/// (a community worker), or none (planners, developers, residents — who may still take part in things, see
/// <see cref="WriteAccess.Participation"/>). The one write path (<see cref="EventWriter"/>) checks it against
/// the community a record lies in, so that no endpoint can forget to.
/// </summary>
/// <param name="AllCommunities">True for administrators and the platform's own changes.</param>
/// <param name="Community">The code of the one community a worker may change, or null.</param>
[GenerateSerializer, Immutable]
public sealed record CallerScope(
    [property: Id(0)] bool AllCommunities,
    [property: Id(1)] string? Community)
{
    /// <summary>Administrators and the platform itself.</summary>
    public static CallerScope Everywhere { get; } = new(true, null);

    /// <summary>Callers who change no community's records.</summary>
    public static CallerScope Nowhere { get; } = new(false, null);

    /// <summary>A community worker of the community with this code.</summary>
    public static CallerScope OfCommunity(string code) => new(false, code);

    /// <summary>True when records of the community <paramref name="communityCode"/> (null: outside every community) may be changed.</summary>
    public bool Covers(string? communityCode) =>
        AllCommunities || (Community is not null && string.Equals(Community, communityCode, StringComparison.Ordinal));
}
