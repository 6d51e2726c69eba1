using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using Platform.Abstractions.Commands;

namespace Platform.Plugins.Service.Projects;

/// <summary>A service-scene project: a party-mass service centre or a shared ground-floor space (架空层) in a compound.</summary>
public sealed record ServiceProjectRegistered(string Name, string Kind, string? Compound, double Lon, double Lat, double AreaSquareMetres, string Status, DateOnly Since);

/// <summary>The project moved on: planned → under_renovation → open.</summary>
public sealed record ServiceProjectStatusChanged(string From, string To, DateOnly EffectiveDate);

public sealed class ServiceProject
{
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

internal sealed class ServiceProjectGrain(IDocumentStore store) : Grain, IServiceProjectGrain
{
    public async Task<CommandResult> RegisterAsync(RegisterServiceProject c, CommandContext context)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<ServiceProject>(this.GetPrimaryKey()) is not null)
            return CommandResult.Refused(409, "id", "Already registered.", "该项目已登记。");
        if (string.IsNullOrWhiteSpace(c.Name))
            return CommandResult.Refused(400, "name", "The name is required.", "项目名称必填。");
        if (!ServiceProjectKinds.Kinds.ContainsKey(c.Kind))
            return CommandResult.Refused(400, "kind", "kind is party_mass_center or ground_floor_space.", "类型须为 party_mass_center（党群服务中心）或 ground_floor_space（架空层）。");
        if (!ServiceProjectKinds.Statuses.Contains(c.Status))
            return CommandResult.Refused(400, "status", "status is planned, under_renovation or open.", "状态须为 planned、under_renovation 或 open。");
        if (c.AreaSquareMetres is < 0 or > 100000 || !double.IsFinite(c.AreaSquareMetres))
            return CommandResult.Refused(400, "areaSquareMetres", "The area is between 0 and 100 000 m².", "面积须在 0 至 100000 平方米之间。");
        session.AttributeTo(context);
        session.Events.StartStream<ServiceProject>(this.GetPrimaryKey(), new ServiceProjectRegistered(c.Name.Trim(), c.Kind, c.Compound, c.Lon, c.Lat, c.AreaSquareMetres, c.Status, c.Since));
        await session.SaveChangesAsync();
        return CommandResult.Ok(1);
    }

    public async Task<CommandResult> ChangeStatusAsync(string to, DateOnly date, CommandContext context)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<ServiceProject>(this.GetPrimaryKey()) is not { } project)
            return CommandResult.Refused(404, "id", "No such project.", "找不到该项目。");
        var from = Array.IndexOf(ServiceProjectKinds.Statuses, project.Status);
        var next = Array.IndexOf(ServiceProjectKinds.Statuses, to);
        if (next != from + 1)
            return CommandResult.Refused(409, "status", $"A project that is {project.Status} moves on to {(from + 1 < ServiceProjectKinds.Statuses.Length ? ServiceProjectKinds.Statuses[from + 1] : "nothing")}.", "项目须按 规划中→改造中→已开放 推进。");
        session.AttributeTo(context);
        session.Events.Append(this.GetPrimaryKey(), project.Version + 1, new ServiceProjectStatusChanged(project.Status, to, date));
        await session.SaveChangesAsync();
        return CommandResult.Ok(project.Version + 1);
    }
}
