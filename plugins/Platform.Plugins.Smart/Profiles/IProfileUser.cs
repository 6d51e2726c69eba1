using Orleans.Concurrency;

namespace Platform.Plugins.Smart.Profiles;

/// <summary>A grain that follows a device profile (a device's): told to read the profile's rules again when they change.</summary>
public interface IProfileUser : IGrainWithGuidKey
{
    /// <summary>The profile changed: read its rules again.</summary>
    [AlwaysInterleave]
    Task ProfileChangedAsync();
}

/// <summary>
/// Who follows a profile: the devices configured with it. Implemented by the devices (their read model), so that the
/// profile grain fans a change out without depending on them.
/// </summary>
public interface IProfileUsers
{
    Task<IReadOnlyList<Guid>> FollowingAsync(Guid profileId, CancellationToken cancellationToken = default);
}
