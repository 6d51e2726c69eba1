using Platform.Abstractions.Commands;

namespace Platform.Linkage.Supervision;

[GrainType("linkage.supervision_team")]
internal sealed class SupervisionTeamGrain(EventWriter writer) : Grain, ISupervisionTeamGrain
{
    public Task<CommandResult> FormAsync(FormTeam c, CommandContext context) =>
        writer.WriteAsync<SupervisionTeam>(this.GetPrimaryKey(), context, team =>
            team is not null ? Outcome.Refuse(409, "id", "The team is already formed.", "督导小组已成立。")
            : string.IsNullOrWhiteSpace(c.Name) ? Outcome.Refuse(400, "name", "The team's name is required.", "督导小组名称必填。")
            : c.Members.Length == 0 ? Outcome.Refuse(400, "members", "A team needs members.", "督导小组须有成员。")
            : c.Members.FirstOrDefault(m => string.IsNullOrWhiteSpace(m.Name) || !SupervisionTeam.Roles.ContainsKey(m.Role)) is { } bad
                ? Outcome.Refuse(400, "members", $"Every member needs a name and a role of {string.Join(", ", SupervisionTeam.Roles.Keys)}.",
                    $"成员须有姓名和角色（{string.Join("、", SupervisionTeam.Roles.Select(r => $"{r.Key}：{r.Value}"))}）。")
            : Outcome.Append(new SupervisionTeamFormed(c.Year, c.Name.Trim(), c.Members, c.On)), WriteAccess.Participation);
}
