using Platform.Abstractions.Commands;
using Platform.Spatial;

namespace Platform.Registers.Planning;

[GrainType("registers.planning")]
internal sealed class PlanningGrain(EventWriter writer) : Grain, IPlanningGrain
{
    public Task<CommandResult> DesignateZoneAsync(DesignateZone c, CommandContext context) =>
        writer.WriteAsync<PlanningZoneSummary>(this.GetPrimaryKey(), context, zone =>
            zone is not null ? AlreadyRecorded()
            : string.IsNullOrWhiteSpace(c.Name) ? Outcome.Refuse(400, "name", "The name is required.", "名称必填。")
            : c.Kind is not ("belt" or "cluster") ? Outcome.Refuse(400, "kind", "kind is belt or cluster.", "类型须为 belt（带）或 cluster（组团）。")
            : Outcome.Append(new ZoneDesignated(c.Name.Trim(), c.Kind, c.Theme, c.GeometryWkt, c.Description)).Within(WellKnownText.Read(c.GeometryWkt)));

    private static Outcome AlreadyRecorded() => Outcome.Refuse(409, "id", "Already recorded.", "已登记。");
}
