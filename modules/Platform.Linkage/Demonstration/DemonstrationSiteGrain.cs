using Platform.Abstractions.Commands;

namespace Platform.Linkage.Demonstration;

[GrainType("linkage.demonstration_site")]
internal sealed class DemonstrationSiteGrain(EventWriter writer) : Grain, IDemonstrationSiteGrain
{
    public Task<CommandResult> RegisterAsync(RegisterDemonstrationSite c, CommandContext context) =>
        writer.WriteAsync<DemonstrationSite>(this.GetPrimaryKey(), context, site =>
            site is not null ? Outcome.Refuse(409, "id", "The site is already registered.", "该示范点位已登记。")
            : string.IsNullOrWhiteSpace(c.Name) ? Outcome.Refuse(400, "name", "The name is required.", "点位名称必填。")
            : c.Year is < 2000 or > 2100 ? Outcome.Refuse(400, "year", "year must be between 2000 and 2100.", "年度须在 2000 至 2100 之间。")
            : !double.IsFinite(c.Lon) || !double.IsFinite(c.Lat) ? Outcome.Refuse(400, "location", "location must be [lon, lat] in EPSG:4490.", "位置须为 [经度, 纬度]（EPSG:4490）。")
            : c.Guide is { } g && string.IsNullOrWhiteSpace(g.Name) ? Outcome.Refuse(400, "guide.name", "The guide needs a name.", "讲解员须填写姓名。")
            : Outcome.Append(new DemonstrationSiteRegistered(c.Name.Trim(), c.Year, c.Lon, c.Lat, c.Description ?? "", c.Guide, c.Materials)).At(c.Lon, c.Lat, "location"));
}
