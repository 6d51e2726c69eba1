using Platform.Abstractions.Commands;

namespace Platform.Plugins.Vitality.Groups;

/// <summary>
/// The single writer of a resident group's stream. Whether the group is its community's specialty group is decided by
/// <see cref="ICommunityGroupsGrain"/>, which sees the community's other groups; this grain only appends what it decided.
/// </summary>
public interface IGroupGrain : IGrainWithGuidKey
{
    Task<CommandResult> FoundAsync(FoundGroup command, CommandContext context);

    Task<CommandResult> ReachStageAsync(string stage, DateOnly on, CommandContext context);

    Task<CommandResult> JoinAsync(string member, DateOnly on, CommandContext context);

    Task<CommandResult> LeaveAsync(string member, DateOnly on, CommandContext context);

    Task<CommandResult> SetSignatureAsync(bool signature, CommandContext context);
}

/// <summary>
/// The single decider of one community's specialty group (一社区一特色), keyed by the community code: founding a group
/// as the specialty, or marking one, goes through it, so two groups of a community can never both become it.
/// </summary>
public interface ICommunityGroupsGrain : IGrainWithStringKey
{
    Task<CommandResult> FoundAsync(Guid id, FoundGroup command, CommandContext context);

    Task<CommandResult> SetSignatureAsync(Guid id, bool signature, CommandContext context);
}

/// <summary>Found a group (validated by the endpoint).</summary>
[GenerateSerializer, Immutable]
public sealed record FoundGroup(
    [property: Id(0)] string Name,
    [property: Id(1)] string Specialty,
    [property: Id(2)] string? Description,
    [property: Id(3)] string HomeSpace,
    [property: Id(4)] double Lon,
    [property: Id(5)] double Lat,
    [property: Id(6)] DateOnly FoundedOn,
    [property: Id(7)] int Members,
    [property: Id(8)] bool Signature,
    [property: Id(9)] string[]? Tags = null,
    [property: Id(10)] string? SupportedBy = null,
    [property: Id(11)] string? Leader = null);
