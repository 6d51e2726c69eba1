using NetTopologySuite.Geometries;
using Platform.Abstractions.Commands;
using Platform.Registers.Shared;
using Platform.Spatial;

namespace Platform.Registers.Planning;

[GrainType("registers.planning")]
internal sealed class PlanningGrain(EventWriter writer) : Grain, IPlanningGrain
{
    public Task<CommandResult> DesignateZoneAsync(DesignateZone c, CommandContext context) =>
        writer.WriteAsync<PlanningZoneSummary>(this.GetPrimaryKey(), context, zone =>
            zone is not null ? AlreadyRecorded()
            : DetailsProblem(c.Name, c.Kind) is { } bad ? bad
            : Outcome.Append(new ZoneDesignated(c.Name.Trim(), c.Kind, c.Theme, c.GeometryWkt, c.Description)).Within(WellKnownText.Read(c.GeometryWkt)));

    public Task<CommandResult> ReviseAsync(ReviseZone c, CommandContext context) =>
        writer.WriteAsync<PlanningZoneSummary>(this.GetPrimaryKey(), context, zone =>
        {
            if (zone is null)
                return NotFound();
            if (zone.RetiredOn is { } retired)
                return RecordEdits.Retired("zone", "规划组团", retired);
            var revised = new ZoneRevised((c.Name ?? zone.Name).Trim(), c.Kind ?? zone.Kind, c.Theme ?? zone.Theme, c.Description ?? zone.Description, c.ScenicGrade ?? zone.ScenicGrade);
            return DetailsProblem(revised.Name, revised.Kind) is { } bad ? bad
                : revised.ScenicGrade is < 1 or > 5 ? Outcome.Refuse(400, "scenicGrade", "scenicGrade is the A-level scenic-area grade, 1 to 5 (A … AAAAA).", "景区等级须为 1 至 5（A级至5A级）。")
                : revised == new ZoneRevised(zone.Name, zone.Kind, zone.Theme, zone.Description, zone.ScenicGrade) ? Outcome.Unchanged
                : Outcome.Append(revised);
        });

    public Task<CommandResult> ReshapeAsync(ReshapeZone c, CommandContext context) =>
        writer.WriteAsync<PlanningZoneSummary>(this.GetPrimaryKey(), context, zone =>
            zone is null ? NotFound()
            : zone.RetiredOn is { } retired ? RecordEdits.Retired("zone", "规划组团", retired)
            : WellKnownText.Read(c.GeometryWkt) is not (Polygon or MultiPolygon) ? Outcome.Refuse(400, "geometry", "A planning zone is a Polygon or MultiPolygon.", "规划组团范围须为面。")
            : Outcome.Append(new ZoneReshaped(c.GeometryWkt)).Within(WellKnownText.Read(c.GeometryWkt)));

    public Task<CommandResult> RetireAsync(RetireRecord c, CommandContext context) =>
        writer.WriteAsync<PlanningZoneSummary>(this.GetPrimaryKey(), context, zone =>
            zone is null ? NotFound()
            : zone.RetiredOn is { } retired ? RecordEdits.Retired("zone", "规划组团", retired)
            : Outcome.Append(new ZoneRetired(c.Reason.Trim(), c.On)));

    private static Rejection? DetailsProblem(string name, string kind) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100 ? new Rejection(400, "name", "The name is required and at most 100 characters.", "名称必填，且不超过 100 个字符。")
        : kind is not ("belt" or "cluster") ? new Rejection(400, "kind", "kind is belt or cluster.", "类型须为 belt（带）或 cluster（组团）。")
        : null;

    private static Outcome NotFound() => Outcome.Refuse(404, "id", "No such planning zone.", "找不到该规划组团。");

    private static Outcome AlreadyRecorded() => Outcome.Refuse(409, "id", "Already recorded.", "已登记。");
}
