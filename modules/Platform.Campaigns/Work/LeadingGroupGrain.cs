using Platform.Abstractions.Commands;

namespace Platform.Campaigns.Work;

[GrainType("campaigns.leading_group")]
internal sealed class LeadingGroupGrain(EventWriter writer) : Grain, ILeadingGroupGrain
{
    internal static readonly string[] Topics = ["park_city", "restructuring", "epidemic", "other"];

    public Task<CommandResult> EstablishAsync(EstablishLeadingGroup c, CommandContext context) =>
        writer.WriteAsync<LeadingGroup>(this.GetPrimaryKey(), context, existing =>
            existing is not null ? Outcome.Refuse(409, "id", "The group is already established.", "该领导小组已成立。")
            : string.IsNullOrWhiteSpace(c.Name) || c.Name.Length > 80 ? Outcome.Refuse(400, "name", "name is 1–80 characters.", "领导小组名称须为 1–80 字。")
            : !Topics.Contains(c.Topic) ? Outcome.Refuse(400, "topic", "topic is park_city, restructuring, epidemic or other.", "主题须为 park_city、restructuring、epidemic 或 other。")
            : Check(c.Composition) ?? Outcome.Append(new LeadingGroupEstablished(c.Name.Trim(), c.Topic, c.Composition)),
            WriteAccess.Participation);

    public Task<CommandResult> RecomposeAsync(GroupComposition composition, CommandContext context) =>
        writer.WriteAsync<LeadingGroup>(this.GetPrimaryKey(), context, group =>
            group is null ? Outcome.Refuse(404, "id", "No such leading group.", "找不到该领导小组。")
            : composition.EffectiveOn < group.EstablishedOn ? Outcome.Refuse(400, "effectiveOn", "A change takes effect on or after the group's establishment.", "调整日期不能早于领导小组成立日期。")
            : group.History.Any(h => h.EffectiveOn == composition.EffectiveOn) ? Outcome.Refuse(409, "effectiveOn", "The group already changed on that date.", "该日期已有一次调整。")
            : Check(composition) ?? Outcome.Append(new LeadingGroupRecomposed(composition)),
            WriteAccess.Participation);

    private static Outcome? Check(GroupComposition c) =>
        c.Leader is null || (string.IsNullOrWhiteSpace(c.Leader.Name) && string.IsNullOrWhiteSpace(c.Leader.Title)) ? Outcome.Refuse(400, "leader", "The group has a leader (组长): a name or a post.", "须填写组长（姓名或职务）。")
        : string.IsNullOrWhiteSpace(c.Office) || c.Office.Length > 60 ? Outcome.Refuse(400, "office", "office names where the group's office sits (e.g. 社区发展办).", "须填写领导小组办公室所在科室。")
        : (c.WorkingGroups ?? []).Any(w => string.IsNullOrWhiteSpace(w.Name) || w.Name.Length > 40 || (w.Remit ?? "").Length > 400)
            ? Outcome.Refuse(400, "workingGroups", "Each working group has a name (1–40 characters) and a remit (at most 400).", "每个工作组须有名称（1–40 字），职责不超过 400 字。")
        : null;
}
