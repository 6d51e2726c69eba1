using Platform.Abstractions.Commands;
using Platform.Abstractions.Jurisdiction;

namespace Platform.Linkage.Situation;

[GrainType("linkage.situation_report")]
internal sealed class SituationReportGrain(EventWriter writer, IJurisdictionLocator jurisdiction) : Grain, ISituationReportGrain
{
    public Task<CommandResult> IssueAsync(IssueSituationReport c, CommandContext context) =>
        writer.WriteAsync<SituationReport>(this.GetPrimaryKey(), context, async r =>
        {
            if (r is not null)
                return Outcome.Refuse(409, "id", "The report is already recorded.", "该报告已登记。");
            if (string.IsNullOrWhiteSpace(c.Title))
                return Outcome.Refuse(400, "title", "The title is required.", "报告标题必填。");
            if (c.Kind == SituationReport.Overall)
                return c.CommunityCode is null ? Outcome.Append(new SituationReportIssued(c.Kind, c.Title.Trim(), null, null, c.On))
                    : Outcome.Refuse(400, "communityCode", "The overall report is the whole street's.", "总体报告不属于某一社区。");
            if (c.Kind != SituationReport.Community)
                return Outcome.Refuse(400, "kind", "kind must be overall or community.", "报告类型须为 overall（总体报告）或 community（社区(村)分报告）。");
            var community = (await jurisdiction.CommunitiesAsync(c.On)).FirstOrDefault(u => u.Code == c.CommunityCode);
            return community is null ? Outcome.Refuse(400, "communityCode", $"There is no community or village '{c.CommunityCode}'.", $"没有编码为“{c.CommunityCode}”的社区(村)。")
                : Outcome.Append(new SituationReportIssued(c.Kind, c.Title.Trim(), community.Code, community.Name, c.On));
        }, WriteAccess.Participation);
}
