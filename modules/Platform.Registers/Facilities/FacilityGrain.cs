using NetTopologySuite.Geometries;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Registers;
using Platform.Registers.Shared;
using Platform.Spatial;

namespace Platform.Registers.Facilities;

[GrainType("registers.facility")]
internal sealed class FacilityGrain(EventWriter writer) : Grain, IFacilityGrain
{
    public Task<CommandResult> RegisterAsync(RegisterFacility c, CommandContext context) =>
        writer.WriteAsync<FacilitySummary>(this.GetPrimaryKey(), context, facility =>
            facility is not null ? Outcome.Refuse(409, "id", "The facility is already registered.", "该设施已登记。")
            : string.IsNullOrWhiteSpace(c.Name) ? Outcome.Refuse(400, "name", "The name is required.", "设施名称必填。")
            : FacilityCategories.Find(c.Category) is null ? Outcome.Refuse(400, "category", $"Unknown category '{c.Category}'; see GET /api/facilities/categories.", "未知的设施类别，见 /api/facilities/categories。")
            : WellKnownText.Read(c.GeometryWkt) is not Point point ? Outcome.Refuse(400, "geometry", "A facility is located by a Point.", "设施位置须为点。")
            : Outcome.Append(new FacilityRegistered(c.Name.Trim(), c.Category, c.GeometryWkt, c.OpenedOn, c.HubId)).At(point));

    public Task<CommandResult> CloseAsync(CloseFacility c, CommandContext context) =>
        writer.WriteAsync<FacilitySummary>(this.GetPrimaryKey(), context, facility =>
            facility is null ? Outcome.Refuse(404, "id", "No such facility.", "找不到该设施。")
            : facility.ClosedOn is not null ? Outcome.Refuse(409, "id", $"The facility closed on {facility.ClosedOn:yyyy-MM-dd}.", "该设施已关闭。")
            : c.ClosedOn < facility.OpenedOn ? Outcome.Refuse(400, "closedOn", "A facility cannot close before it opened.", "关闭日期不能早于开放日期。")
            : Outcome.Append(new FacilityClosed(c.ClosedOn, c.Reason)));

    public Task<CommandResult> ReviseAsync(ReviseFacility c, CommandContext context) =>
        writer.WriteAsync<FacilitySummary>(this.GetPrimaryKey(), context, facility =>
        {
            if (facility is null)
                return NotFound();
            if (facility.RetiredOn is { } retired)
                return RecordEdits.Retired("facility", "设施", retired);
            var revised = new FacilityDetailsRevised((c.Name ?? facility.Name).Trim(), c.Category ?? facility.Category);
            return string.IsNullOrWhiteSpace(revised.Name) || revised.Name.Length > 100 ? Outcome.Refuse(400, "name", "The name is required and at most 100 characters.", "设施名称必填，且不超过 100 个字符。")
                : FacilityCategories.Find(revised.Category) is null ? Outcome.Refuse(400, "category", $"Unknown category '{revised.Category}'; see GET /api/facilities/categories.", "未知的设施类别，见 /api/facilities/categories。")
                : revised == new FacilityDetailsRevised(facility.Name, facility.Category) ? Outcome.Unchanged
                : Outcome.Append(revised);
        });

    public Task<CommandResult> MoveAsync(MoveTo c, CommandContext context) =>
        writer.WriteAsync<FacilitySummary>(this.GetPrimaryKey(), context, facility =>
            facility is null ? NotFound()
            : facility.RetiredOn is { } retired ? RecordEdits.Retired("facility", "设施", retired)
            : WellKnownText.Read(c.GeometryWkt) is not Point point ? Outcome.Refuse(400, "geometry", "A facility is located by a Point.", "设施位置须为点。")
            : Outcome.Append(new FacilityMoved(c.GeometryWkt)).At(point));

    public Task<CommandResult> RetireAsync(RetireRecord c, CommandContext context) =>
        writer.WriteAsync<FacilitySummary>(this.GetPrimaryKey(), context, facility =>
            facility is null ? NotFound()
            : facility.RetiredOn is { } retired ? RecordEdits.Retired("facility", "设施", retired)
            : Outcome.Append(new FacilityRetired(c.Reason.Trim(), c.On)));

    private static Outcome NotFound() => Outcome.Refuse(404, "id", "No such facility.", "找不到该设施。");
}
