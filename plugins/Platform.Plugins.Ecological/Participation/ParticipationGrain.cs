using Marten;
using Platform.Abstractions.Commands;
using Platform.Plugins.Ecological.Households;

namespace Platform.Plugins.Ecological.Participation;

[GrainType("ecological.participation")]
internal sealed class ParticipationGrain(IDocumentStore store, IGrainFactory grains) : Grain, IParticipationGrain
{
    public async Task<CommandResult> RegisterHouseholdAsync(Guid householdId, RegisterHousehold command, CommandContext context)
    {
        if (ResidentsRegisterABoundedNumberOfHouseholdsRule.AppliesTo(context))
        {
            await using var query = store.QuerySession();
            var limit = (await query.LoadAsync<ParticipationRules>(ParticipationRules.StreamId))?.HouseholdsPerResident
                ?? ParticipationRules.DefaultHouseholdsPerResident;
            var account = this.GetPrimaryKeyString();
            var registered = await query.Query<HouseholdView>().CountAsync(h => h.RegisteredBy == account);
            if (ResidentsRegisterABoundedNumberOfHouseholdsRule.Check(registered, limit) is { } refused)
                return new CommandResult(refused, 0);
        }
        return await grains.GetGrain<IHouseholdGrain>(householdId).RegisterAsync(command, context);
    }
}
