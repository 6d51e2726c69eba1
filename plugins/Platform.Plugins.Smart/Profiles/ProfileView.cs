using System.Collections.Concurrent;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;

namespace Platform.Plugins.Smart.Profiles;

/// <summary>A device profile: the offline timeout and the alarm rules of its devices.</summary>
public sealed class ProfileView
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public int OfflineAfterSeconds { get; set; }
    public List<AlarmRule> Rules { get; set; } = [];
    public DateTimeOffset ChangedAt { get; set; }
}

public sealed class ProfileProjection : SingleStreamProjection<ProfileView, Guid>
{
    public ProfileProjection()
    {
        IncludeType<ProfileCreated>();
        IncludeType<ProfileRulesChanged>();
    }

    public override ProfileView Evolve(ProfileView? snapshot, Guid id, IEvent e)
    {
        var view = snapshot ?? new ProfileView { Id = id };
        switch (e.Data)
        {
            case ProfileCreated c:
                view.Name = c.Name;
                view.Description = c.Description;
                view.OfflineAfterSeconds = c.OfflineAfterSeconds;
                view.Rules = [.. c.Rules];
                view.ChangedAt = c.At;
                break;
            case ProfileRulesChanged c:
                view.OfflineAfterSeconds = c.OfflineAfterSeconds;
                view.Rules = [.. c.Rules];
                view.ChangedAt = c.At;
                break;
        }
        return view;
    }
}

/// <summary>Profiles in memory for the device grains (one read per profile, refreshed by the profile grain after a change).</summary>
public sealed class ProfileCache(IDocumentStore store)
{
    private readonly ConcurrentDictionary<Guid, ProfileView?> _profiles = new();

    public async Task<ProfileView?> GetAsync(Guid? id)
    {
        if (id is not { } key)
            return null;
        if (_profiles.TryGetValue(key, out var known))
            return known;
        await using var session = store.QuerySession();
        var view = await session.LoadAsync<ProfileView>(key);
        _profiles[key] = view;
        return view;
    }

    public void Forget(Guid id) => _profiles.TryRemove(id, out _);
}
