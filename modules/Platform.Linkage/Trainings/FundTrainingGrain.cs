using Platform.Abstractions.Commands;
using Platform.Abstractions.Jurisdiction;

namespace Platform.Linkage.Trainings;

[GrainType("linkage.fund_training")]
internal sealed class FundTrainingGrain(EventWriter writer, IJurisdictionLocator jurisdiction) : Grain, IFundTrainingGrain
{
    public Task<CommandResult> RecordAsync(RecordTraining c, CommandContext context) =>
        writer.WriteAsync<FundTraining>(this.GetPrimaryKey(), context, async t =>
        {
            if (t is not null)
                return Outcome.Refuse(409, "id", "The training is already recorded.", "该培训已登记。");
            if (string.IsNullOrWhiteSpace(c.Topic))
                return Outcome.Refuse(400, "topic", "The topic is required.", "培训主题必填。");
            if (c.Sessions.Length == 0 || c.Sessions.Any(s => s.Attendance < 0))
                return Outcome.Refuse(400, "sessions", "A training has at least one session, each with its attendance (0 or more).", "培训须至少一场，每场须填写参加人数。");
            if (c.Attendees < 0 || c.Attendees > c.Sessions.Sum(s => s.Attendance))
                return Outcome.Refuse(400, "attendees", "The distinct attendees cannot exceed the person-times.", "参训人数不能超过累计人次。");
            var known = await jurisdiction.CommunitiesAsync(c.Sessions.Min(s => s.On));
            var units = c.CommunityCodes.Distinct().Select(code => known.FirstOrDefault(u => u.Code == code)).ToList();
            if (units.Any(u => u is null))
                return Outcome.Refuse(400, "communityCodes", "Every community code must be a community or village in force.", "覆盖社区(村)编码须为现有社区(村)。");
            return Outcome.Append(new FundTrainingRecorded(c.Topic.Trim(), c.Sessions, c.Attendees, units.Select(u => u!.Code).ToArray(), units.Select(u => u!.Name).ToArray()));
        }, WriteAccess.Participation);
}
