namespace Platform.Plugins.Smart.Alarms;

/// <summary>A device's reading (stamped <paramref name="ReadingAt"/>) or its silence met an alarm rule of its profile.</summary>
public sealed record AlarmRaised(
    Guid DeviceId, string DeviceName, string Compound, double Lon, double Lat,
    Guid? ProfileId, string RuleId, string RuleName, string Severity, string? Key, double? Value, string Condition, DateTimeOffset At,
    DateTimeOffset? ReadingAt = null);

/// <summary>Someone acknowledged the alarm (who: the event's user).</summary>
public sealed record AlarmAcknowledged(DateTimeOffset At);

/// <summary>The alarm was cleared: by its rule when the value returned (<paramref name="Automatic"/>) or by staff.</summary>
public sealed record AlarmCleared(bool Automatic, double? Value, DateTimeOffset At);

/// <summary>The alarm was assigned to a member of staff (a user name).</summary>
public sealed record AlarmAssigned(string Assignee, DateTimeOffset At);

/// <summary>A comment on the alarm (who: the event's user).</summary>
public sealed record AlarmCommented(string Text, DateTimeOffset At);
