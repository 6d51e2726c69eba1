using JasperFx.Events;
using Marten.Events.Aggregation;
using Platform.Abstractions.Commands;

namespace Platform.Plugins.Smart.Projects;

/// <summary>The stages of a smart-compound project (智慧小区建设), in order: 方案 → 采购 → 安装 → 调试 → 运行.</summary>
public static class ProjectStages
{
    public static readonly IReadOnlyList<(string Code, string NameZh, string NameEn)> All =
    [
        ("plan", "方案", "Plan"),
        ("procure", "采购", "Procurement"),
        ("install", "安装", "Installation"),
        ("commission", "调试", "Commissioning"),
        ("operate", "运行", "Operation"),
    ];

    public static int IndexOf(string? code) => All.Select(s => s.Code).ToList().IndexOf(code ?? "");

    public static string? NameZh(string? code) => IndexOf(code) is var i and >= 0 ? All[i].NameZh : null;
}

/// <summary>A smart-compound project was started for a compound, in its first stage (方案) on <paramref name="On"/>.</summary>
public sealed record ProjectStarted(string Name, string Compound, Guid? CompoundId, double Lon, double Lat, string? Contractor, DateOnly On, DateTimeOffset At);

/// <summary>The project reached <paramref name="Stage"/> on <paramref name="On"/> (the next one; stages are not skipped back).</summary>
public sealed record ProjectStageReached(string Stage, DateOnly On, string? Note, DateTimeOffset At);

/// <summary>A smart-compound project with the date it reached each stage.</summary>
public sealed class ProjectView : ILocatedRecord
{
    (double Lon, double Lat) ILocatedRecord.Place => (Lon, Lat);

    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Compound { get; set; } = "";
    public Guid? CompoundId { get; set; }
    public double Lon { get; set; }
    public double Lat { get; set; }
    public string? Contractor { get; set; }
    public string Stage { get; set; } = "plan";
    public List<StageReached> Stages { get; set; } = [];

    /// <summary>The stage on <paramref name="date"/>, or null before the project started.</summary>
    public string? StageOn(DateOnly date) => Stages.LastOrDefault(s => s.On <= date)?.Stage;
}

public sealed record StageReached(string Stage, DateOnly On, string? Note);

public sealed class ProjectProjection : SingleStreamProjection<ProjectView, Guid>
{
    public ProjectProjection()
    {
        IncludeType<ProjectStarted>();
        IncludeType<ProjectStageReached>();
    }

    public override ProjectView Evolve(ProjectView? snapshot, Guid id, IEvent e)
    {
        var v = snapshot ?? new ProjectView { Id = id };
        switch (e.Data)
        {
            case ProjectStarted s:
                v.Name = s.Name;
                v.Compound = s.Compound;
                v.CompoundId = s.CompoundId;
                v.Lon = s.Lon;
                v.Lat = s.Lat;
                v.Contractor = s.Contractor;
                v.Stage = "plan";
                v.Stages = [new StageReached("plan", s.On, null)];
                break;
            case ProjectStageReached r:
                v.Stage = r.Stage;
                v.Stages.Add(new StageReached(r.Stage, r.On, r.Note));
                break;
        }
        return v;
    }
}

/// <summary>The single writer of a smart-compound project.</summary>
public interface IProjectGrain : IGrainWithGuidKey
{
    Task<CommandResult> StartAsync(StartProject command, CommandContext context);

    Task<CommandResult> AdvanceAsync(string stage, DateOnly on, string? note, CommandContext context);
}

[GenerateSerializer, Immutable]
public sealed record StartProject([property: Id(0)] string Name, [property: Id(1)] string Compound, [property: Id(2)] Guid? CompoundId,
    [property: Id(3)] double Lon, [property: Id(4)] double Lat, [property: Id(5)] string? Contractor, [property: Id(6)] DateOnly On);

[GrainType("smart.project")]
internal sealed class ProjectGrain(EventWriter writer, TimeProvider clock) : Grain, IProjectGrain
{
    public Task<CommandResult> StartAsync(StartProject c, CommandContext context) =>
        writer.WriteAsync<ProjectView>(this.GetPrimaryKey(), context, p =>
            p is not null ? Outcome.Refuse(409, "id", "This project exists already.", "该项目已存在。")
            : Outcome.Append(new ProjectStarted(c.Name, c.Compound, c.CompoundId, c.Lon, c.Lat, c.Contractor, c.On, clock.GetUtcNow())).At(c.Lon, c.Lat, "compound"));

    public Task<CommandResult> AdvanceAsync(string stage, DateOnly on, string? note, CommandContext context) =>
        writer.WriteAsync<ProjectView>(this.GetPrimaryKey(), context, p =>
        {
            if (p is null)
                return Outcome.Refuse(404, "id", "No smart-compound project is registered under this id.", "找不到该智慧小区项目。");
            var next = ProjectStages.IndexOf(p.Stage) + 1;
            if (ProjectStages.IndexOf(stage) is var i && i < 0)
                return Outcome.Refuse(400, "stage", $"Unknown stage '{stage}'; one of {string.Join(", ", ProjectStages.All.Select(s => s.Code))}.",
                    $"阶段无效，可选：{string.Join("、", ProjectStages.All.Select(s => $"{s.Code}（{s.NameZh}）"))}。");
            if (i != next)
                return next >= ProjectStages.All.Count
                    ? Outcome.Refuse(409, "stage", "The project is in operation already, its last stage.", "该项目已进入运行阶段（最后阶段）。")
                    : Outcome.Refuse(409, "stage", $"The next stage is {ProjectStages.All[next].Code}; stages are taken in order.",
                        $"下一阶段应为“{ProjectStages.All[next].NameZh}”，各阶段须依次推进。");
            if (on < p.Stages[^1].On)
                return Outcome.Refuse(400, "on", "A stage cannot be reached before the previous one.", "阶段日期不能早于上一阶段。");
            return Outcome.Append(new ProjectStageReached(stage, on, note, clock.GetUtcNow()));
        });
}
