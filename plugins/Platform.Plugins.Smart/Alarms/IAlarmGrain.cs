using Platform.Abstractions.Commands;

namespace Platform.Plugins.Smart.Alarms;

/// <summary>The single writer of an alarm's stream.</summary>
public interface IAlarmGrain : IGrainWithGuidKey
{
    Task<CommandResult> RaiseAsync(RaiseAlarm command);

    Task<CommandResult> AcknowledgeAsync(CommandContext context);

    /// <summary>Clears the alarm; <paramref name="automatic"/> when its rule no longer holds (the value returned).</summary>
    Task<CommandResult> ClearAsync(bool automatic, double? value, CommandContext context);

    Task<CommandResult> AssignAsync(string assignee, CommandContext context);

    Task<CommandResult> CommentAsync(string text, CommandContext context);
}

[GenerateSerializer, Immutable]
public sealed record RaiseAlarm(
    [property: Id(0)] Guid DeviceId, [property: Id(1)] string DeviceName, [property: Id(2)] string Compound,
    [property: Id(3)] double Lon, [property: Id(4)] double Lat, [property: Id(5)] Guid? ProfileId,
    [property: Id(6)] string RuleId, [property: Id(7)] string RuleName, [property: Id(8)] string Severity,
    [property: Id(9)] string? Key, [property: Id(10)] double? Value, [property: Id(11)] string Condition, [property: Id(12)] DateTimeOffset At)
{
    /// <summary>The time of the reading that met the rule (null for inactivity).</summary>
    [Id(13)] public DateTimeOffset? ReadingAt { get; init; }
}
