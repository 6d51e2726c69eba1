using Platform.Abstractions.Commands;

namespace Platform.Plugins.Vitality.Groups;

// A namespaced grain type: Orleans would otherwise name it after the class, which another plugin may share.
[GrainType("vitality.group")]
internal sealed class GroupGrain(EventWriter writer) : Grain, IGroupGrain
{
    public Task<CommandResult> FoundAsync(FoundGroup command, CommandContext context) =>
        writer.WriteAsync<GroupView>(this.GetPrimaryKey(), context, group =>
            group is not null ? Outcome.Refuse(409, "id", "This group is already founded.", "该团队已登记。")
            : GroupSpecialties.Find(command.Specialty) is null ? Outcome.Refuse(400, "specialty", $"Unknown specialty '{command.Specialty}'.", "团队类型无效。")
            : Outcome.Append(new GroupFounded(command.Name, command.Specialty, command.Description, command.HomeSpace,
                command.Lon, command.Lat, command.FoundedOn, command.Members, command.Signature)).At(command.Lon, command.Lat, "lon"));
}
