using Marten;
using Platform.Abstractions.Commands;

namespace Platform.Plugins.Vitality.Activities;

// A namespaced grain type: Orleans would otherwise name it after the class, which another plugin may share.
[GrainType("vitality.activity")]
internal sealed class ActivityGrain(IDocumentStore store) : Grain, IActivityGrain
{
    private bool _recorded;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await using var query = store.QuerySession();
        _recorded = await query.LoadAsync<ActivityView>(this.GetPrimaryKey(), cancellationToken) is not null;
    }

    public async Task<CommandResult> RecordAsync(RecordActivity command, CommandContext context)
    {
        if (_recorded)
            return CommandResult.Refused(409, "id", "This activity is already recorded.", "该活动已登记。");
        if (SpaceKinds.Find(command.SpaceKind) is null)
            return CommandResult.Refused(400, "spaceKind", $"Unknown space kind '{command.SpaceKind}'.", "场地类型无效。");
        if (command.Participants < 0)
            return CommandResult.Refused(400, "participants", "The number of participants is negative.", "参与人次不能为负数。");
        await using var session = store.LightweightSession();
        session.AttributeTo(context);
        session.Events.StartStream<ActivityView>(this.GetPrimaryKey(), new ActivityHeld(
            command.Title, command.GroupId, command.Series, command.SpaceKind, command.SpaceName, command.Lon, command.Lat, command.HeldOn, command.Participants));
        await session.SaveChangesAsync();
        _recorded = true;
        return CommandResult.Ok(1);
    }
}
