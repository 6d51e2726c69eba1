using Platform.Abstractions.Commands;

namespace Platform.Plugins.Service.LifeCircles;

/// <summary>The single writer of the life-circle parameters (one grain, key <c>standard</c>).</summary>
public interface IStandardGrain : IGrainWithStringKey
{
    Task<CommandResult> AdjustAsync(LifeCircleStandard standard, CommandContext context);
}
