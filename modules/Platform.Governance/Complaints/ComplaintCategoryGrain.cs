using Platform.Abstractions.Commands;

namespace Platform.Governance.Complaints;

/// <summary>A category definition as an administrator sends it.</summary>
[GenerateSerializer, Immutable]
public sealed record DefineComplaintCategory(
    [property: Id(0)] string Code, [property: Id(1)] string NameZh, [property: Id(2)] string NameEn, [property: Id(3)] string DescriptionZh,
    [property: Id(4)] string Route, [property: Id(5)] string? Department, [property: Id(6)] double AcceptWithinHours,
    [property: Id(7)] double RespondWithinHours, [property: Id(8)] CategoryQuestion[] Questions);

/// <summary>The single writer of one complaint category's stream (keyed by <see cref="ComplaintCategory.StreamId"/>).</summary>
public interface IComplaintCategoryGrain : IGrainWithGuidKey
{
    Task<CommandResult> DefineAsync(DefineComplaintCategory command, CommandContext context);

    /// <summary>Stops offering the category for new complaints; complaints already filed under it keep it.</summary>
    Task<CommandResult> RetireAsync(string code, CommandContext context);
}

[GrainType("governance.complaint_category")]
internal sealed class ComplaintCategoryGrain(EventWriter writer) : Grain, IComplaintCategoryGrain
{
    private static readonly string[] Routes = ["property", "community", "department"];
    private static readonly string[] Datatypes = ["string", "text", "number", "datetime", "singlevaluelist"];

    public Task<CommandResult> DefineAsync(DefineComplaintCategory c, CommandContext context) =>
        writer.WriteAsync<ComplaintCategory>(this.GetPrimaryKey(), context, _ => Decide(c), WriteAccess.Participation);

    public Task<CommandResult> RetireAsync(string code, CommandContext context) =>
        writer.WriteAsync<ComplaintCategory>(this.GetPrimaryKey(), context, existing =>
            existing is null ? Outcome.Refuse(404, "code", $"No complaint category '{code}'.", $"没有投诉类别“{code}”。")
            : existing.Retired ? Outcome.Refuse(409, "code", "The category is already retired.", "该类别已停用。")
            : Outcome.Append(new ComplaintCategoryRetired(code)), WriteAccess.Participation);

    private static Outcome Decide(DefineComplaintCategory c)
    {
        if (string.IsNullOrWhiteSpace(c.Code) || !c.Code.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '_'))
            return Outcome.Refuse(400, "code", "The code is required: lower-case letters, digits and _.", "类别代码必填，只能用小写字母、数字和下划线。");
        if (string.IsNullOrWhiteSpace(c.NameZh))
            return Outcome.Refuse(400, "nameZh", "The Chinese name is required.", "类别中文名称必填。");
        if (!Routes.Contains(c.Route))
            return Outcome.Refuse(400, "route", "route is property, community or department.", "派单对象须为 property（物业）、community（社区）或 department（街道科室）。");
        if (c.Route == "department" && string.IsNullOrWhiteSpace(c.Department))
            return Outcome.Refuse(400, "department", "A category routed to a department names it.", "派往街道科室的类别须写明科室。");
        if (!(c.AcceptWithinHours > 0) || !(c.RespondWithinHours >= c.AcceptWithinHours))
            return Outcome.Refuse(400, "respondWithinHours", "The SLA needs acceptWithinHours > 0 and respondWithinHours ≥ acceptWithinHours.", "时限须满足：受理时限大于 0，回复时限不短于受理时限。");
        for (var i = 0; i < c.Questions.Length; i++)
        {
            var q = c.Questions[i];
            if (string.IsNullOrWhiteSpace(q.Code) || string.IsNullOrWhiteSpace(q.LabelZh))
                return Outcome.Refuse(400, $"questions[{i}].code", "Each question has a code and a Chinese label.", "每个附加问题须有代码和中文题目。");
            if (!Datatypes.Contains(q.Datatype))
                return Outcome.Refuse(400, $"questions[{i}].datatype", $"datatype is one of {string.Join(", ", Datatypes)}.", "题目类型无效。");
            if (q.Datatype == "singlevaluelist" && (q.Values is null || q.Values.Length == 0))
                return Outcome.Refuse(400, $"questions[{i}].values", "A list question has values.", "单选题须列出选项。");
        }
        return Outcome.Append(new ComplaintCategoryDefined(c.Code, c.NameZh.Trim(), c.NameEn.Trim(), c.DescriptionZh, c.Route,
            c.Route == "department" ? c.Department!.Trim() : null, c.AcceptWithinHours, c.RespondWithinHours, c.Questions));
    }
}
