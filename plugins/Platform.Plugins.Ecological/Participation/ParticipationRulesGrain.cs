using Platform.Abstractions.Commands;

namespace Platform.Plugins.Ecological.Participation;

[GrainType("ecological.participation_rules")]
internal sealed class ParticipationRulesGrain(EventWriter writer) : Grain, IParticipationRulesGrain
{
    public const int MaxHouseholdsPerResident = 20;

    public Task<CommandResult> SetLimitAsync(int householdsPerResident, CommandContext context) =>
        writer.WriteAsync<ParticipationRules>(ParticipationRules.StreamId, context, rules =>
            householdsPerResident is < 1 or > MaxHouseholdsPerResident
                ? Outcome.Refuse(400, "householdsPerResident", $"A resident account may register 1 to {MaxHouseholdsPerResident} households.", $"每个居民账号可登记的户数须在 1 至 {MaxHouseholdsPerResident} 之间。")
                : rules?.HouseholdsPerResident == householdsPerResident ? Outcome.Unchanged
                : Outcome.Append(new ParticipationLimitSet(householdsPerResident)));
}
