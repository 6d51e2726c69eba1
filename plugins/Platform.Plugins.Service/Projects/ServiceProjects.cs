using JasperFx.Events;
using Marten.Events.Aggregation;
using Platform.Abstractions.Commands;

namespace Platform.Plugins.Service.Projects;

/// <summary>A service-scene project: a party-mass service centre or a shared ground-floor space (架空层) in a compound.</summary>
public sealed record ServiceProjectRegistered(string Name, string Kind, string? Compound, double Lon, double Lat, double AreaSquareMetres, string Status, DateOnly Since);

/// <summary>The project moved on: planned → under_renovation → open.</summary>
public sealed record ServiceProjectStatusChanged(string From, string To, DateOnly EffectiveDate);

public sealed class ServiceProject : ILocatedRecord
{
    (double Lon, double Lat) ILocatedRecord.Place => (Lon, Lat);

    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? Compound { get; set; }
    public double Lon { get; set; }
    public double Lat { get; set; }
    public double AreaSquareMetres { get; set; }
    public string Status { get; set; } = "";
    public DateOnly Since { get; set; }
    public long Version { get; set; }
}

public sealed class ServiceProjectProjection : SingleStreamProjection<ServiceProject, Guid>
{
    public ServiceProjectProjection()
    {
        IncludeType<ServiceProjectRegistered>();
        IncludeType<ServiceProjectStatusChanged>();
    }

    public override ServiceProject Evolve(ServiceProject? snapshot, Guid id, IEvent e)
    {
        switch (e.Data)
        {
            case ServiceProjectRegistered x:
                return new ServiceProject { Id = id, Name = x.Name, Kind = x.Kind, Compound = x.Compound, Lon = x.Lon, Lat = x.Lat, AreaSquareMetres = x.AreaSquareMetres, Status = x.Status, Since = x.Since, Version = e.Version };
            case ServiceProjectStatusChanged x when snapshot is not null:
                snapshot.Status = x.To;
                snapshot.Since = x.EffectiveDate;
                snapshot.Version = e.Version;
                return snapshot;
            default:
                return snapshot!;
        }
    }
}

public static class ServiceProjectKinds
{
    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>
    {
        ["party_mass_center"] = "党群服务中心",
        ["ground_floor_space"] = "架空层共享空间",
    };

    public static readonly string[] Statuses = ["planned", "under_renovation", "open"];

    public static readonly IReadOnlyDictionary<string, string> StatusZh = new Dictionary<string, string>
    {
        ["planned"] = "规划中", ["under_renovation"] = "改造中", ["open"] = "已开放",
    };
}

[GenerateSerializer, Immutable]
public sealed record RegisterServiceProject(
    [property: Id(0)] string Name, [property: Id(1)] string Kind, [property: Id(2)] string? Compound, [property: Id(3)] double Lon,
    [property: Id(4)] double Lat, [property: Id(5)] double AreaSquareMetres, [property: Id(6)] string Status, [property: Id(7)] DateOnly Since);

/// <summary>The single writer of one service project's stream.</summary>
public interface IServiceProjectGrain : IGrainWithGuidKey
{
    Task<CommandResult> RegisterAsync(RegisterServiceProject command, CommandContext context);
    Task<CommandResult> ChangeStatusAsync(string to, DateOnly date, CommandContext context);
}

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
