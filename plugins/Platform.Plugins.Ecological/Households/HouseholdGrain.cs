using Platform.Abstractions.Commands;

namespace Platform.Plugins.Ecological.Households;

[GrainType("ecological.household")]
internal sealed class HouseholdGrain(EventWriter writer, TimeProvider clock) : Grain, IHouseholdGrain
{
    private Guid Id => this.GetPrimaryKey();

    public Task<CommandResult> RegisterAsync(RegisterHousehold command, CommandContext context) =>
        writer.WriteAsync<HouseholdView>(Id, context, household =>
            household is not null
                ? Outcome.Refuse(409, "householdId", "This household is already registered.", "该住户已报名登记。")
                : Outcome.Append(new HouseholdRegistered(command.Householder, command.Compound, command.CompoundId, command.Contact,
                    command.Members, context.UserId, clock.GetUtcNow())), WriteAccess.Participation);
}
