using Platform.Abstractions.Commands;

namespace Platform.Linkage.Titles;

[GrainType("linkage.title_application")]
internal sealed class TitleApplicationGrain(EventWriter writer) : Grain, ITitleApplicationGrain
{
    public Task<CommandResult> ApplyAsync(ApplyForTitle c, CommandContext context) =>
        writer.WriteAsync<TitleApplication>(this.GetPrimaryKey(), context, a =>
            a is not null ? Outcome.Refuse(409, "id", "The application is already made.", "该申报已登记。")
            : string.IsNullOrWhiteSpace(c.Title) ? Outcome.Refuse(400, "title", "Name the title applied for.", "须填写申报的示范称号。")
            : string.IsNullOrWhiteSpace(c.ApplicantUnit) ? Outcome.Refuse(400, "applicantUnit", "Name the applicant unit.", "须填写申报单位。")
            : c.Year is < 2000 or > 2100 ? Outcome.Refuse(400, "year", "year must be between 2000 and 2100.", "年度须在 2000 至 2100 之间。")
            : Outcome.Append(new TitleApplied(c.Title.Trim(), c.ApplicantUnit.Trim(), c.Year, c.On)), WriteAccess.Participation);

    /// <summary>Stages follow in order (预检 → 互促互评 → 命名), each on or after the one before.</summary>
    public Task<CommandResult> RecordVisitAsync(RecordTitleVisit c, CommandContext context) =>
        writer.WriteAsync<TitleApplication>(this.GetPrimaryKey(), context, a =>
        {
            if (a is null)
                return Outcome.Refuse(404, "id", "No such application.", "找不到该申报。");
            var at = TitleApplication.Stages.ToList().FindIndex(s => s.Code == a.Stage);
            if (at == TitleApplication.Stages.Count - 1)
                return Outcome.Refuse(409, "stage", "The title has been named.", "该称号已命名。");
            var next = TitleApplication.Stages[at + 1];
            if (c.Stage != next.Code)
                return Outcome.Refuse(409, "stage", $"The next stage is {next.Code}.", $"下一环节是“{next.Zh}”。");
            var since = a.Visits.Count == 0 ? a.AppliedOn : a.Visits[^1].On;
            if (c.On < since)
                return Outcome.Refuse(400, "on", $"The visit cannot be before {since:yyyy-MM-dd}.", $"日期不能早于上一环节（{since:yyyy-MM-dd}）。");
            if (string.IsNullOrWhiteSpace(c.VisitingBody))
                return Outcome.Refuse(400, "visitingBody", "Name the visiting body.", "须填写来访单位。");
            return Outcome.Append(new TitleStageReached(c.Stage, c.On, c.VisitingBody.Trim(), c.Note));
        }, WriteAccess.Participation);
}
