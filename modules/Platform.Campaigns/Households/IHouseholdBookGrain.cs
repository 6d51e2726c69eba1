using Platform.Abstractions.Commands;

namespace Platform.Campaigns.Households;

/// <summary>The households to add to one register (which the caller located: compound or group, community, place).</summary>
[GenerateSerializer, Immutable]
public sealed record RegisterHouseholds([property: Id(0)] Guid RegisterId, [property: Id(1)] string Kind, [property: Id(2)] string Name, [property: Id(3)] string? Village,
    [property: Id(4)] Guid? CompoundId, [property: Id(5)] string? CommunityCode, [property: Id(6)] string? CommunityName, [property: Id(7)] double Lon, [property: Id(8)] double Lat,
    [property: Id(9)] Household[] Households);

/// <summary>
/// The single writer of every household register: an import adds to several registers in one transaction (all or nothing),
/// which only one writer of them all can decide against their current content.
/// </summary>
public interface IHouseholdBookGrain : IGrainWithGuidKey
{
    public static readonly Guid Key = new("6c1d2a70-5a55-4c0e-9a11-000000000002");

    Task<CommandResult> RegisterAsync(RegisterHouseholds[] batches, CommandContext context);
}
