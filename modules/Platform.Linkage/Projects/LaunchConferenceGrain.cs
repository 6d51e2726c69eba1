using Marten;
using Platform.Abstractions.Commands;

namespace Platform.Linkage.Projects;

[GrainType("linkage.launch_conference")]
internal sealed class LaunchConferenceGrain(EventWriter writer, IDocumentStore store) : Grain, ILaunchConferenceGrain
{
    public Task<CommandResult> HoldAsync(HoldLaunchConference c, CommandContext context) =>
        writer.WriteAsync<LaunchConference>(this.GetPrimaryKey(), context, async conference =>
        {
            if (conference is not null)
                return Outcome.Refuse(409, "id", "The conference is already recorded.", "该发布会已登记。");
            if (string.IsNullOrWhiteSpace(c.Name))
                return Outcome.Refuse(400, "name", "The name is required.", "发布会名称必填。");
            if (c.ProjectIds.Length == 0 || c.ProjectIds.Distinct().Count() != c.ProjectIds.Length)
                return Outcome.Refuse(400, "projectIds", "List each published project once.", "须列出发布的项目，且不重复。");
            await using var session = store.QuerySession();
            var projects = await session.LoadManyAsync<FundProject>(c.ProjectIds);
            if (projects.Count != c.ProjectIds.Length)
                return Outcome.Refuse(400, "projectIds", "Every published project must be a registered fund project.", "发布的项目须为已登记的资金项目。");
            if (projects.FirstOrDefault(p => p.Year != c.Year) is { } other)
                return Outcome.Refuse(400, "projectIds", $"{other.Title} is a project of {other.Year}, not {c.Year}.", $"“{other.Title}”是{other.Year}年度的项目。");
            return Outcome.Append(new LaunchConferenceHeld(c.Name.Trim(), c.Year, c.On, c.ProjectIds));
        }, WriteAccess.Participation);
}
