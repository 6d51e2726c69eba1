using Platform.Abstractions.Commands;
using Platform.Plugins.Smart.Live;

namespace Platform.Plugins.Smart.Alarms;

[GrainType("smart.alarm")]
internal sealed class AlarmGrain(EventWriter writer, TimeProvider clock, AlarmNotifier notifier) : Grain, IAlarmGrain
{
    private Guid Id => this.GetPrimaryKey();

    public async Task<CommandResult> RaiseAsync(RaiseAlarm c)
    {
        var result = await writer.WriteAsync<AlarmView>(Id, DeviceContext.For(c.DeviceId, "告警规则触发：" + c.RuleName), alarm =>
            alarm is not null ? Outcome.Refuse(409, "id", "This alarm exists already.", "该告警已存在。")
            : Outcome.Append(new AlarmRaised(c.DeviceId, c.DeviceName, c.Compound, c.Lon, c.Lat, c.ProfileId, c.RuleId, c.RuleName, c.Severity,
                c.Key, c.Value, c.Condition, c.At, c.ReadingAt)));
        if (result.Accepted)
            await notifier.NotifyAsync(Id, "raised");
        return result;
    }

    public Task<CommandResult> AcknowledgeAsync(CommandContext context) => Write(context, "acknowledged", alarm =>
        alarm.AcknowledgedAt is not null ? Outcome.Refuse(409, "id", "The alarm is acknowledged already.", "该告警已确认。")
        : Outcome.Append(new AlarmAcknowledged(clock.GetUtcNow())));

    public async Task<CommandResult> ClearAsync(bool automatic, double? value, CommandContext context)
    {
        Guid device = default;
        var result = await Write(context, "cleared", alarm =>
        {
            device = alarm.DeviceId;
            return alarm.ClearedAt is not null ? Outcome.Refuse(409, "id", "The alarm is cleared already.", "该告警已清除。")
                : Outcome.Append(new AlarmCleared(automatic, value, clock.GetUtcNow()));
        });
        if (result.Accepted && !automatic)
            await GrainFactory.GetGrain<IAlarmSubject>(device).AlarmClosedAsync(Id);
        return result;
    }

    public Task<CommandResult> AssignAsync(string assignee, CommandContext context) => Write(context, "assigned", alarm =>
        alarm.Assignee == assignee ? Outcome.Unchanged : Outcome.Append(new AlarmAssigned(assignee, clock.GetUtcNow())));

    public Task<CommandResult> CommentAsync(string text, CommandContext context) => Write(context, "commented", _ =>
        Outcome.Append(new AlarmCommented(text, clock.GetUtcNow())));

    private async Task<CommandResult> Write(CommandContext context, string change, Func<AlarmView, Outcome> decide)
    {
        var result = await writer.WriteAsync<AlarmView>(Id, context, alarm =>
            alarm is null ? Outcome.Refuse(404, "id", "No alarm is registered under this id.", "找不到该告警。") : decide(alarm));
        if (result.Accepted)
            await notifier.NotifyAsync(Id, change);
        return result;
    }
}

/// <summary>The context of what the platform writes on a device's behalf (its readings, its silence).</summary>
internal static class DeviceContext
{
    public static CommandContext For(Guid device, string reason) =>
        new($"device:{device:N}", reason, Guid.NewGuid().ToString("N")) { Scope = CallerScope.Everywhere };
}
