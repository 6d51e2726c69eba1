using JasperFx.Events;
using Marten.Events.Aggregation;
using Platform.Abstractions.Commands;

namespace Platform.Plugins.Smart.Alarms;

/// <summary>An alarm of a device and rule, open until cleared; every step with its time and who took it.</summary>
public sealed class AlarmView : ILocatedRecord
{
    (double Lon, double Lat) ILocatedRecord.Place => (Lon, Lat);

    public Guid Id { get; set; }
    public Guid DeviceId { get; set; }
    public string DeviceName { get; set; } = "";
    public string Compound { get; set; } = "";
    public double Lon { get; set; }
    public double Lat { get; set; }
    public Guid? ProfileId { get; set; }
    public string RuleId { get; set; } = "";
    public string RuleName { get; set; } = "";
    public string Severity { get; set; } = "";
    public string? Key { get; set; }
    public double? Value { get; set; }
    public string Condition { get; set; } = "";
    public DateTimeOffset RaisedAt { get; set; }
    public DateTimeOffset? ReadingAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    public DateTimeOffset? ClearedAt { get; set; }
    public string? ClearedBy { get; set; }
    public string? Assignee { get; set; }
    public List<AlarmComment> Comments { get; set; } = [];

    public bool Active => ClearedAt is null;

    /// <summary>ThingsBoard's four states: ACTIVE_UNACK, ACTIVE_ACK, CLEARED_UNACK, CLEARED_ACK.</summary>
    public string Status => (Active ? "active" : "cleared") + (AcknowledgedAt is null ? "_unack" : "_ack");
}

/// <summary>A comment on an alarm, with its author.</summary>
public sealed record AlarmComment(string Text, string User, DateTimeOffset At);

public sealed class AlarmProjection : SingleStreamProjection<AlarmView, Guid>
{
    public AlarmProjection()
    {
        IncludeType<AlarmRaised>();
        IncludeType<AlarmAcknowledged>();
        IncludeType<AlarmCleared>();
        IncludeType<AlarmAssigned>();
        IncludeType<AlarmCommented>();
    }

    public override AlarmView Evolve(AlarmView? snapshot, Guid id, IEvent e)
    {
        var v = snapshot ?? new AlarmView { Id = id };
        var user = e.UserName ?? "system";
        switch (e.Data)
        {
            case AlarmRaised r:
                v.DeviceId = r.DeviceId;
                v.DeviceName = r.DeviceName;
                v.Compound = r.Compound;
                v.Lon = r.Lon;
                v.Lat = r.Lat;
                v.ProfileId = r.ProfileId;
                v.RuleId = r.RuleId;
                v.RuleName = r.RuleName;
                v.Severity = r.Severity;
                v.Key = r.Key;
                v.Value = r.Value;
                v.Condition = r.Condition;
                v.RaisedAt = r.At;
                v.ReadingAt = r.ReadingAt;
                break;
            case AlarmAcknowledged a:
                v.AcknowledgedAt = a.At;
                v.AcknowledgedBy = user;
                break;
            case AlarmCleared c:
                v.ClearedAt = c.At;
                v.ClearedBy = c.Automatic ? "rule" : user;
                break;
            case AlarmAssigned a:
                v.Assignee = a.Assignee;
                break;
            case AlarmCommented c:
                v.Comments.Add(new AlarmComment(c.Text, user, c.At));
                break;
        }
        return v;
    }
}
