using Platform.Abstractions.Commands;

namespace Platform.Plugins.Service.Projects;

[GrainType("service.project")]
internal sealed class ServiceProjectGrain(EventWriter writer) : Grain, IServiceProjectGrain
{
    public Task<CommandResult> RegisterAsync(RegisterServiceProject c, CommandContext context) =>
        writer.WriteAsync<ServiceProject>(this.GetPrimaryKey(), context, project =>
            project is not null ? Outcome.Refuse(409, "id", "Already registered.", "该项目已登记。")
            : string.IsNullOrWhiteSpace(c.Name) ? Outcome.Refuse(400, "name", "The name is required.", "项目名称必填。")
            : !ServiceProjectKinds.Kinds.ContainsKey(c.Kind) ? Outcome.Refuse(400, "kind", "kind is party_mass_center or ground_floor_space.", "类型须为 party_mass_center（党群服务中心）或 ground_floor_space（架空层）。")
            : !ServiceProjectKinds.Statuses.Contains(c.Status) ? Outcome.Refuse(400, "status", "status is planned, under_renovation or open.", "状态须为 planned、under_renovation 或 open。")
            : c.AreaSquareMetres is < 0 or > 100000 || !double.IsFinite(c.AreaSquareMetres) ? Outcome.Refuse(400, "areaSquareMetres", "The area is between 0 and 100 000 m².", "面积须在 0 至 100000 平方米之间。")
            : Outcome.Append(new ServiceProjectRegistered(c.Name.Trim(), c.Kind, c.Compound, c.Lon, c.Lat, c.AreaSquareMetres, c.Status, c.Since)).At(c.Lon, c.Lat, "lon"));

    public Task<CommandResult> ChangeStatusAsync(string to, DateOnly date, CommandContext context) =>
        writer.WriteAsync<ServiceProject>(this.GetPrimaryKey(), context, project =>
            project is null ? Outcome.Refuse(404, "id", "No such project.", "找不到该项目。")
            : !ProjectMovesOneStageForwardRule.Allows(project.Status, to) ? Outcome.Refuse(409, "status",
                $"A project that is {project.Status} moves on to {ProjectMovesOneStageForwardRule.Next(project.Status) ?? "nothing"}.",
                $"项目须按 规划中→改造中→已开放 推进，当前为“{ServiceProjectKinds.StatusZh.GetValueOrDefault(project.Status, project.Status)}”。")
            : date < project.Since ? Outcome.Refuse(409, "date", $"The change cannot take effect before {project.Since:yyyy-MM-dd}, when the project became {project.Status}.",
                $"生效日期不能早于当前状态的日期 {project.Since:yyyy-MM-dd}。")
            : Outcome.Append(new ServiceProjectStatusChanged(project.Status, to, date)));
}
