using Platform.Abstractions.Commands;

namespace Platform.Governance.Records;

[GrainType("governance.training")]
internal sealed class TrainingGrain(EventWriter writer) : Grain, ITrainingGrain
{
    public Task<CommandResult> HoldAsync(HoldTraining c, CommandContext context) =>
        writer.WriteAsync<Training>(this.GetPrimaryKey(), context, existing =>
            existing is not null ? Outcome.Refuse(409, "id", "The session is already recorded.", "该培训已登记。")
            : string.IsNullOrWhiteSpace(c.Topic) ? Outcome.Refuse(400, "topic", "The topic is required.", "培训主题必填。")
            : c.Compounds.Length == 0 ? Outcome.Refuse(400, "compounds", "Name the compounds the session covered.", "须列出培训覆盖的小区。")
            : c.Attendees is < 1 or > 10000 ? Outcome.Refuse(400, "attendees", "attendees is between 1 and 10000.", "参训人次须在 1 到 10000 之间。")
            : Outcome.Append(new TrainingHeld(c.Topic.Trim(), c.HeldOn, c.Compounds, c.Attendees, c.Trainer)));
}
