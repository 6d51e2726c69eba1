using Platform.Abstractions.Commands;

namespace Platform.Campaigns.Work;

[GrainType("campaigns.secondment")]
internal sealed class SecondmentGrain(EventWriter writer) : Grain, ISecondmentGrain
{
    public Task<CommandResult> SecondAsync(SecondStaff c, CommandContext context) =>
        writer.WriteAsync<Secondment>(this.GetPrimaryKey(), context, existing =>
            existing is not null ? Outcome.Refuse(409, "id", "The secondment is already recorded.", "该抽调记录已登记。")
            : string.IsNullOrWhiteSpace(c.Staff) || c.Staff.Length > 40 ? Outcome.Refuse(400, "staff", "staff is the person seconded (1–40 characters).", "须填写抽调人员（1–40 字）。")
            : string.IsNullOrWhiteSpace(c.Post) || c.Post.Length > 80 ? Outcome.Refuse(400, "post", "post is where they are seconded to (1–80 characters).", "须填写抽调点位（1–80 字）。")
            : c.EndOn is { } end && end < c.StartOn ? Outcome.Refuse(400, "endOn", "endOn is on or after startOn.", "结束日期不能早于开始日期。")
            : Outcome.Append(new StaffSeconded(c.Staff.Trim(), (c.Department ?? "").Trim(), c.Post.Trim(), (c.Task ?? "").Trim(), c.StartOn, c.EndOn)),
            WriteAccess.Participation);

    public Task<CommandResult> EndAsync(DateOnly endOn, CommandContext context) =>
        writer.WriteAsync<Secondment>(this.GetPrimaryKey(), context, s =>
            s is null ? Outcome.Refuse(404, "id", "No such secondment.", "找不到该抽调记录。")
            : endOn < s.StartOn ? Outcome.Refuse(400, "endOn", "endOn is on or after the start.", "结束日期不能早于开始日期。")
            : Outcome.Append(new SecondmentEnded(endOn)),
            WriteAccess.Participation);
}
