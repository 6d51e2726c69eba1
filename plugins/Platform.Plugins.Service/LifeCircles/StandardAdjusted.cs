namespace Platform.Plugins.Service.LifeCircles;

/// <summary>An administrator adjusted the life-circle parameters.</summary>
public sealed record StandardAdjusted(LifeCircleStandard Standard);

/// <summary>Before SDK 1.2 the parameters in force were stored as this document (id <c>current</c>); still read when no <see cref="StandardInForce"/> exists.</summary>
public sealed class CurrentStandard
{
    public string Id { get; set; } = "current";
    public LifeCircleStandard Standard { get; set; } = LifeCircleStandard.Default;
}
