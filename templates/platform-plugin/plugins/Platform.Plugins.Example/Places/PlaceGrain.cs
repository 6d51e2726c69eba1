using Platform.Abstractions.Commands;

namespace Platform.Plugins.Example.Places;

/// <summary>
/// The single writer of a place's stream. It only decides: the SDK's <see cref="EventWriter"/> loads the place, checks
/// that the caller may change records where it lies (and where the command puts it: <see cref="Outcome.At(double, double, string)"/>),
/// and appends with the caller's attribution and optimistic concurrency.
/// </summary>
// A namespaced grain type: Orleans would otherwise name it after the class, which another plugin may share.
[GrainType("example-id.place")]
internal sealed class PlaceGrain(EventWriter writer) : Grain, IPlaceGrain
{
    public Task<CommandResult> RecordAsync(RecordPlace command, CommandContext context) =>
        writer.WriteAsync<PlaceView>(this.GetPrimaryKey(), context, place =>
            place is not null ? Outcome.Refuse(409, "id", "This place is already recorded.", "该地点已登记。")
            : PlaceIsNamedAndInChinaRule.Check(command.Name, command.Lon, command.Lat) is { } invalid ? invalid
            : Outcome.Append(new PlaceRecorded(command.Name.Trim(), command.Lon, command.Lat)).At(command.Lon, command.Lat, "lon"));
}
