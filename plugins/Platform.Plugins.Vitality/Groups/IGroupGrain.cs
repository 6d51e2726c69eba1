using Platform.Abstractions.Commands;

namespace Platform.Plugins.Vitality.Groups;

/// <summary>The single writer of a resident group's stream.</summary>
public interface IGroupGrain : IGrainWithGuidKey
{
    Task<CommandResult> FoundAsync(FoundGroup command, CommandContext context);
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
    [property: Id(8)] bool Signature);
