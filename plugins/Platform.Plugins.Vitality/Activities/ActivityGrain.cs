using Platform.Abstractions.Commands;

namespace Platform.Plugins.Vitality.Activities;

// A namespaced grain type: Orleans would otherwise name it after the class, which another plugin may share.
[GrainType("vitality.activity")]
internal sealed class ActivityGrain(EventWriter writer) : Grain, IActivityGrain
{
    public Task<CommandResult> RecordAsync(RecordActivity command, CommandContext context) =>
        writer.WriteAsync<ActivityView>(this.GetPrimaryKey(), context, activity =>
            activity is not null ? Outcome.Refuse(409, "id", "This activity is already recorded.", "该活动已登记。")
            : SpaceKinds.Find(command.SpaceKind) is null ? Outcome.Refuse(400, "spaceKind", $"Unknown space kind '{command.SpaceKind}'.", "场地类型无效。")
            : command.Participants < 0 ? Outcome.Refuse(400, "participants", "The number of participants is negative.", "参与人次不能为负数。")
            : Outcome.Append(new ActivityHeld(command.Title, command.GroupId, command.Series, command.SpaceKind, command.SpaceName,
                command.Lon, command.Lat, command.HeldOn, command.Participants)).At(command.Lon, command.Lat, "lon"));
}
