using NetTopologySuite.Geometries;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Registers;
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
}
