using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Platform.Linkage.Projects;

internal sealed record ProjectCategoryAdded(string Name, int Order);

internal sealed record ProjectCategoryRetired(string Reason);

/// <summary>One category of the administrators' list (党组织服务群众, 居民素质提升, …).</summary>
internal sealed class ProjectCategory
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public int Order { get; set; }
    public bool Retired { get; set; }
}

internal sealed class ProjectCategoryProjection : SingleStreamProjection<ProjectCategory, Guid>
{
    public ProjectCategoryProjection()
    {
        IncludeType<ProjectCategoryAdded>();
        IncludeType<ProjectCategoryRetired>();
    }

    public override ProjectCategory Evolve(ProjectCategory? snapshot, Guid id, IEvent e) => e.Data switch
    {
        ProjectCategoryAdded x when snapshot is null => new ProjectCategory { Id = id, Name = x.Name, Order = x.Order },
        ProjectCategoryRetired when snapshot is not null => Retire(snapshot),
        _ => snapshot!,
    };

    private static ProjectCategory Retire(ProjectCategory c)
    {
        c.Retired = true;
        return c;
    }
}
