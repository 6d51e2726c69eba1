namespace Platform.Plugins.Smart.Alarms;

/// <summary>An alarm in answers: ThingsBoard's status, the severity in both languages, who acknowledged, cleared, was assigned and commented.</summary>
public sealed record AlarmAnswer(
    Guid Id, Guid DeviceId, string DeviceName, string Compound, double Lon, double Lat, string RuleId, string RuleName, string Severity, string? SeverityZh,
    string Status, string Condition, string? Key, double? Value, DateTimeOffset RaisedAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy,
    DateTimeOffset? ClearedAt, string? ClearedBy, string? Assignee, IReadOnlyList<AlarmComment> Comments);

public static class AlarmAnswers
{
    public static AlarmAnswer Of(AlarmView a) => new(a.Id, a.DeviceId, a.DeviceName, a.Compound, a.Lon, a.Lat, a.RuleId, a.RuleName, a.Severity,
        Profiles.AlarmRules.Severities.FirstOrDefault(s => s.Code == a.Severity).NameZh, a.Status, a.Condition, a.Key, a.Value, a.RaisedAt,
        a.AcknowledgedAt, a.AcknowledgedBy, a.ClearedAt, a.ClearedBy, a.Assignee, a.Comments);
}
