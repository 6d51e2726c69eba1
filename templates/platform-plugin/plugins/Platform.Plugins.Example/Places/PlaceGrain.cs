using Marten;
using Platform.Abstractions.Commands;

namespace Platform.Plugins.Example.Places;

// A namespaced grain type: Orleans would otherwise name it after the class, which another plugin may share.
[GrainType("example-id.place")]
internal sealed class PlaceGrain(IDocumentStore store) : Grain, IPlaceGrain
{
    private bool _recorded;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await using var query = store.QuerySession();
        _recorded = await query.LoadAsync<PlaceView>(this.GetPrimaryKey(), cancellationToken) is not null;
    }

    public async Task<CommandResult> RecordAsync(RecordPlace command, CommandContext context)
    {
        if (_recorded)
            return CommandResult.Refused(409, "id", "This place is already recorded.", "该地点已登记。");
        if (PlaceRules.Check(command.Name, command.Lon, command.Lat) is { } rejection)
            return new CommandResult(rejection, 0);
        await using var session = store.LightweightSession();
        session.AttributeTo(context); // user, reason and correlation id into the event's metadata
        session.Events.StartStream<PlaceView>(this.GetPrimaryKey(), new PlaceRecorded(command.Name.Trim(), command.Lon, command.Lat));
        await session.SaveChangesAsync();
        _recorded = true;
        return CommandResult.Ok(1);
    }
}
