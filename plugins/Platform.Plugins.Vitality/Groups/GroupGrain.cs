using Marten;
using Platform.Abstractions.Commands;

namespace Platform.Plugins.Vitality.Groups;

// A namespaced grain type: Orleans would otherwise name it after the class, which another plugin may share.
[GrainType("vitality.group")]
internal sealed class GroupGrain(IDocumentStore store) : Grain, IGroupGrain
{
    private bool _founded;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await using var query = store.QuerySession();
        _founded = await query.LoadAsync<GroupView>(this.GetPrimaryKey(), cancellationToken) is not null;
    }

    public async Task<CommandResult> FoundAsync(FoundGroup command, CommandContext context)
    {
        if (_founded)
            return CommandResult.Refused(409, "id", "This group is already founded.", "该团队已登记。");
        if (GroupSpecialties.Find(command.Specialty) is null)
            return CommandResult.Refused(400, "specialty", $"Unknown specialty '{command.Specialty}'.", "团队类型无效。");
        await using var session = store.LightweightSession();
        session.AttributeTo(context);
        session.Events.StartStream<GroupView>(this.GetPrimaryKey(), new GroupFounded(
            command.Name, command.Specialty, command.Description, command.HomeSpace, command.Lon, command.Lat, command.FoundedOn, command.Members, command.Signature));
        await session.SaveChangesAsync();
        _founded = true;
        return CommandResult.Ok(1);
    }
}
