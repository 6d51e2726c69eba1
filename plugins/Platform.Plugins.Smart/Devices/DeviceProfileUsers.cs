using Marten;
using Platform.Plugins.Smart.Profiles;

namespace Platform.Plugins.Smart.Devices;

/// <summary>The devices configured with a profile, read from their read model (retired ones included: they ignore a change).</summary>
internal sealed class DeviceProfileUsers(IDocumentStore store) : IProfileUsers
{
    public async Task<IReadOnlyList<Guid>> FollowingAsync(Guid profileId, CancellationToken cancellationToken = default)
    {
        await using var session = store.QuerySession();
        return await session.Query<DeviceView>().Where(d => d.ProfileId == profileId).Select(d => d.Id).ToListAsync(cancellationToken);
    }
}
