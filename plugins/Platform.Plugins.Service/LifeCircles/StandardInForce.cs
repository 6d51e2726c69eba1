using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Platform.Plugins.Service.LifeCircles;

/// <summary>The life-circle parameters in force: the last adjustment of the standard's stream.</summary>
public sealed class StandardInForce
{
    public Guid Id { get; set; }
    public LifeCircleStandard Standard { get; set; } = LifeCircleStandard.Default;
    public long Version { get; set; }
}

/// <summary>Folds the standard's stream into <see cref="StandardInForce"/>.</summary>
public sealed class StandardInForceProjection : SingleStreamProjection<StandardInForce, Guid>
{
    public StandardInForceProjection() => IncludeType<StandardAdjusted>();

    public override StandardInForce Evolve(StandardInForce? snapshot, Guid id, IEvent e)
    {
        var current = snapshot ?? new StandardInForce { Id = id };
        if (e.Data is StandardAdjusted adjusted)
            current.Standard = adjusted.Standard;
        current.Version = e.Version;
        return current;
    }
}
