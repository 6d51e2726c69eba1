namespace Platform.Plugins.Service.LifeCircles;

/// <summary>An administrator adjusted the life-circle parameters.</summary>
public sealed record StandardAdjusted(LifeCircleStandard Standard);

/// <summary>The parameters in force: a Marten document (id <c>current</c>) kept beside the events that changed it.</summary>
public sealed class CurrentStandard
{
    public string Id { get; set; } = "current";
    public LifeCircleStandard Standard { get; set; } = LifeCircleStandard.Default;
}
