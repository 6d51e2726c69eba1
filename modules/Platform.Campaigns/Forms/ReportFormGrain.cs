using System.Globalization;
using Platform.Abstractions.Commands;
using Platform.Campaigns.Passes;

namespace Platform.Campaigns.Forms;

[GrainType("campaigns.report_form")]
internal sealed class ReportFormGrain(EventWriter writer, TimeProvider clock) : Grain, IReportFormGrain
{
    private static readonly string[] Types = ["integer", "number", "text"];

    public Task<CommandResult> DefineAsync(DefineReportForm c, CommandContext context) =>
        writer.WriteAsync<ReportForm>(this.GetPrimaryKey(), context, existing =>
            existing is not null ? Outcome.Refuse(409, "id", "The form is already defined.", "该报表已定义。")
            : string.IsNullOrWhiteSpace(c.Name) || c.Name.Length > 60 ? Outcome.Refuse(400, "name", "name is 1–60 characters.", "报表名称须为 1–60 字。")
            : string.IsNullOrWhiteSpace(c.Office) || c.Office.Length > 60 ? Outcome.Refuse(400, "office", "office is the higher office the form goes to (1–60 characters).", "须填写报送的上级单位（1–60 字）。")
            : c.Fields.Length is 0 or > 50 ? Outcome.Refuse(400, "fields", "A form has 1 to 50 fields.", "报表须有 1 到 50 个字段。")
            : c.Fields.FirstOrDefault(f => string.IsNullOrWhiteSpace(f.Name) || f.Name.Length > 40 || !Types.Contains(f.Type)) is not null
                ? Outcome.Refuse(400, "fields", "Each field has a name (1–40 characters) and a type: integer, number or text.", "每个字段须有名称（1–40 字）和类型（integer、number 或 text）。")
            : c.Fields.Select(f => f.Name.Trim()).Distinct().Count() != c.Fields.Length ? Outcome.Refuse(400, "fields", "Field names are distinct.", "字段名称不能重复。")
            : c.EveryDays is < 1 or > 90 ? Outcome.Refuse(400, "everyDays", "everyDays is 1 (daily) to 90 (a cycle of days).", "报送周期须为 1（每日）到 90 天。")
            : c.EndOn is { } end && end < c.StartOn ? Outcome.Refuse(400, "endOn", "endOn is on or after startOn.", "结束日期不能早于开始日期。")
            : string.IsNullOrWhiteSpace(c.Responsible) ? Outcome.Refuse(400, "responsible", "Name the staff member who submits it.", "须指定报送责任人。")
            : Outcome.Append(new ReportFormDefined(c.Name.Trim(), c.Office.Trim(), [.. c.Fields.Select(f => f with { Name = f.Name.Trim() })], c.EveryDays, c.StartOn, c.EndOn, c.DueAt, c.Responsible.Trim())),
            WriteAccess.Participation);

    public Task<CommandResult> SubmitAsync(SubmitReportForm c, CommandContext context) =>
        writer.WriteAsync<ReportForm>(this.GetPrimaryKey(), context, form =>
        {
            if (form is null)
                return Outcome.Refuse(404, "id", "No such form.", "找不到该报表。");
            var now = clock.GetUtcNow();
            if (form.PeriodOf(c.Period) != c.Period)
                return Outcome.Refuse(400, "period", $"period is the first day of one of the form's periods (from {form.StartOn:yyyy-MM-dd}, every {form.EveryDays} days).",
                    $"报送期须为报表周期的首日（自 {form.StartOn:yyyy-MM-dd} 起每 {form.EveryDays} 天）。");
            if (c.Period > ChinaTime.DayOf(now))
                return Outcome.Refuse(400, "period", "A period that has not begun cannot be submitted.", "尚未开始的报送期不能报送。");
            if (form.Submissions.Any(s => s.Period == c.Period))
                return Outcome.Refuse(409, "period", $"The form is already submitted for {c.Period:yyyy-MM-dd}.", $"该报表 {c.Period:yyyy-MM-dd} 期已报送，不能重复报送。");
            foreach (var field in form.Fields)
            {
                if (!c.Values.TryGetValue(field.Name, out var value) || string.IsNullOrWhiteSpace(value))
                    return Outcome.Refuse(400, $"values.{field.Name}", $"{field.Name} is required.", $"须填写“{field.Name}”。");
                var fits = field.Type switch
                {
                    "integer" => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0,
                    "number" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d),
                    _ => value.Length <= 2000,
                };
                if (!fits)
                    return Outcome.Refuse(400, $"values.{field.Name}", $"{field.Name} is {(field.Type == "text" ? "text of at most 2000 characters" : "a " + field.Type)}.", $"“{field.Name}”的值格式不正确。");
            }
            if (c.Values.Keys.FirstOrDefault(k => form.Fields.All(f => f.Name != k)) is { } unknown)
                return Outcome.Refuse(400, $"values.{unknown}", $"The form has no field {unknown}.", $"报表没有“{unknown}”字段。");
            // Only the platform's own records (demo, migrations) state when they were submitted; a person submits now.
            var at = context.UserId == "system" && c.At is { } stated ? stated : now;
            return Outcome.Append(new ReportFormSubmitted(c.Period, c.Values.ToDictionary(v => v.Key, v => v.Value.Trim()), at, context.UserId, at > form.DeadlineOf(c.Period)));
        }, WriteAccess.Participation);
}
