using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Platform.Plugins.Ecological.Participation;

/// <summary>The rules of taking part in force: how many households a resident account may register.</summary>
public sealed class ParticipationRules
{
    /// <summary>One household per resident account unless an administrator allows more.</summary>
    public const int DefaultHouseholdsPerResident = 1;

    /// <summary>The one stream of these rules.</summary>
    public static readonly Guid StreamId = new("ec010000-0000-4000-8000-0000000000a1");

    public Guid Id { get; set; }
    public int HouseholdsPerResident { get; set; } = DefaultHouseholdsPerResident;
    public long Version { get; set; }
}

/// <summary>Folds the rules' stream into <see cref="ParticipationRules"/>.</summary>
public sealed class ParticipationRulesProjection : SingleStreamProjection<ParticipationRules, Guid>
{
    public ParticipationRulesProjection() => IncludeType<ParticipationLimitSet>();

    public override ParticipationRules Evolve(ParticipationRules? snapshot, Guid id, IEvent e)
    {
        var rules = snapshot ?? new ParticipationRules { Id = id };
        if (e.Data is ParticipationLimitSet set)
            rules.HouseholdsPerResident = set.HouseholdsPerResident;
        rules.Version = e.Version;
        return rules;
    }
}
