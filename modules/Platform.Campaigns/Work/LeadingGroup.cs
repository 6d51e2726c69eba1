using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Platform.Campaigns.Work;

/// <summary>
/// A leading group (领导小组) with its composition as of each date it changed: leader, executive deputy and deputy leaders,
/// members, the office it sits in (e.g. 设在社区发展办) and its working groups with their remits. <see cref="Topic"/> says what
/// it leads: <c>park_city</c>, <c>restructuring</c>, <c>epidemic</c> or <c>other</c>.
/// </summary>
public sealed class LeadingGroup
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Topic { get; set; } = "";
    public DateOnly EstablishedOn { get; set; }
    public List<GroupComposition> History { get; set; } = [];
    public long Version { get; set; }

    /// <summary>The composition in force on <paramref name="date"/>, or null before the group was established.</summary>
    public GroupComposition? AsOf(DateOnly date) => History.Where(h => h.EffectiveOn <= date).MaxBy(h => h.EffectiveOn);
}

/// <summary>A member of a group: name (or post, as the documents list them: 党工委书记) and role.</summary>
[GenerateSerializer, Immutable]
public sealed record GroupMember([property: Id(0)] string Name, [property: Id(1)] string Title);

/// <summary>A working group (工作组) and what it is responsible for.</summary>
[GenerateSerializer, Immutable]
public sealed record WorkingGroup([property: Id(0)] string Name, [property: Id(1)] string Remit);

/// <summary>Who the group is from <see cref="EffectiveOn"/> on.</summary>
[GenerateSerializer, Immutable]
public sealed record GroupComposition([property: Id(0)] DateOnly EffectiveOn, [property: Id(1)] GroupMember Leader, [property: Id(2)] GroupMember[] ExecutiveDeputies,
    [property: Id(3)] GroupMember[] Deputies, [property: Id(4)] GroupMember[] Members, [property: Id(5)] string Office, [property: Id(6)] WorkingGroup[] WorkingGroups);

internal sealed record LeadingGroupEstablished(string Name, string Topic, GroupComposition Composition);

internal sealed record LeadingGroupRecomposed(GroupComposition Composition);

internal sealed class LeadingGroupProjection : SingleStreamProjection<LeadingGroup, Guid>
{
    public LeadingGroupProjection()
    {
        IncludeType<LeadingGroupEstablished>();
        IncludeType<LeadingGroupRecomposed>();
    }

    public override LeadingGroup Evolve(LeadingGroup? snapshot, Guid id, IEvent e)
    {
        if (snapshot is null && e.Data is not LeadingGroupEstablished)
            return null!;
        var g = snapshot ?? new LeadingGroup { Id = id };
        switch (e.Data)
        {
            case LeadingGroupEstablished x:
                (g.Name, g.Topic, g.EstablishedOn) = (x.Name, x.Topic, x.Composition.EffectiveOn);
                g.History.Add(x.Composition);
                break;
            case LeadingGroupRecomposed x:
                g.History.Add(x.Composition);
                break;
        }
        g.Version = e.Version;
        return g;
    }
}
