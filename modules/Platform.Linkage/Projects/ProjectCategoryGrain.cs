using System.Security.Cryptography;
using System.Text;
using Platform.Abstractions.Commands;

namespace Platform.Linkage.Projects;

[GrainType("linkage.project_category")]
internal sealed class ProjectCategoryGrain(EventWriter writer) : Grain, IProjectCategoryGrain
{
    /// <summary>The stream id of a category name: a name-based id, so adding a name twice meets the same stream.</summary>
    public static Guid IdOf(string name) => new(MD5.HashData(Encoding.UTF8.GetBytes("linkage.category:" + name.Trim())));

    public Task<CommandResult> AddAsync(string name, int order, CommandContext context) =>
        writer.WriteAsync<ProjectCategory>(this.GetPrimaryKey(), context, c =>
            string.IsNullOrWhiteSpace(name) ? Outcome.Refuse(400, "name", "The category name is required.", "类别名称必填。")
            : name.Trim().Length > 50 ? Outcome.Refuse(400, "name", "A category name has at most 50 characters.", "类别名称不超过 50 个字。")
            : c is not null ? Outcome.Refuse(409, "name", $"The category '{name}' is already listed.", $"类别“{name}”已在列表中。")
            : Outcome.Append(new ProjectCategoryAdded(name.Trim(), order)));

    public Task<CommandResult> RetireAsync(string reason, CommandContext context) =>
        writer.WriteAsync<ProjectCategory>(this.GetPrimaryKey(), context, c =>
            c is null ? Outcome.Refuse(404, "id", "No such category.", "找不到该类别。")
            : c.Retired ? Outcome.Unchanged
            : Outcome.Append(new ProjectCategoryRetired(reason)));
}
