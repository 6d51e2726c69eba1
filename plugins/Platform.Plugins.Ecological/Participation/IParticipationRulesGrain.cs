using Platform.Abstractions.Commands;

namespace Platform.Plugins.Ecological.Participation;

/// <summary>The single writer of the participation rules (one grain, key <c>rules</c>).</summary>
public interface IParticipationRulesGrain : IGrainWithStringKey
{
    Task<CommandResult> SetLimitAsync(int householdsPerResident, CommandContext context);
}
