using Platform.Abstractions.Commands;
using Platform.Plugins.Ecological.Households;

namespace Platform.Plugins.Ecological.Participation;

/// <summary>
/// One per account (keyed by user name): registers that account's households one at a time, so that the limit of
/// households per resident holds even when one resident sends many registrations at once.
/// </summary>
public interface IParticipationGrain : IGrainWithStringKey
{
    Task<CommandResult> RegisterHouseholdAsync(Guid householdId, RegisterHousehold command, CommandContext context);
}
