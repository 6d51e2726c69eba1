using Platform.Plugins.Smart.Alarms;
using Platform.Plugins.Smart.Commands;
using Platform.Plugins.Smart.Devices;
using Platform.Plugins.Smart.Incidents;
using Platform.Plugins.Smart.Live;
using Platform.Plugins.Smart.Profiles;
using Platform.Plugins.Smart.Projects;

namespace Platform.Plugins.Smart;

/// <summary>A device's message was taken: stored and evaluated.</summary>
public sealed record TelemetryAnswer(Guid DeviceId, bool Accepted);

/// <summary>What came in since the start: messages and readings taken, refusals by reason, rows stored by COPY, the broker's state.</summary>
public sealed record IngestStats(bool BrokerRunning, int BrokerPort, int DevicesConnected, long RefusedConnections, long Messages, long Readings, long Failures,
    IReadOnlyDictionary<string, long> Refused, long RowsQueued, long RowsStored, long RowsLost, long Batches, long WebhooksSent, long WebhookFailures);

public sealed record ProfileRequest(string? Name, string? Description, int? OfflineAfterSeconds, List<AlarmRule>? Rules);

public sealed record ProfileAnswer(Guid Id, string Name, string? Description, int OfflineAfterSeconds, IReadOnlyList<AlarmRule> Rules, DateTimeOffset ChangedAt)
{
    public static ProfileAnswer Of(ProfileView p) => new(p.Id, p.Name, p.Description, p.OfflineAfterSeconds, p.Rules, p.ChangedAt);
}

public sealed record AssignRequest(string? Assignee);

public sealed record CommentRequest(string? Text);

/// <summary>A command with its delivery state (ThingsBoard's persistent RPC) and times.</summary>
public sealed record CommandAnswer(Guid Id, Guid DeviceId, string DeviceName, string Method, string Params, int RequestId, string State, string? StateZh,
    int Attempts, int MaxRetries, int TtlSeconds, string QueuedBy, DateTimeOffset QueuedAt, DateTimeOffset ExpiresAt, DateTimeOffset? SentAt,
    DateTimeOffset? DeliveredAt, DateTimeOffset? AnsweredAt, DateTimeOffset? ClosedAt, string? Response, string? FailureReason)
{
    public static CommandAnswer Of(CommandView c) => new(c.Id, c.DeviceId, c.DeviceName, c.Method, c.Params, c.RequestId, c.State, CommandStates.NameZh(c.State),
        c.Attempts, c.MaxRetries, c.TtlSeconds, c.QueuedBy, c.QueuedAt, c.ExpiresAt, c.SentAt, c.DeliveredAt, c.AnsweredAt, c.ClosedAt, c.Response, c.FailureReason);
}

public sealed record ProjectRequest(string? Name, string? Compound, Guid? CompoundId, string? Contractor, DateOnly? StartedOn);

public sealed record StageRequest(string? Stage, DateOnly? On, string? Note);

/// <summary>One stage of a project: its code, Chinese name and the date reached (null: not yet).</summary>
public sealed record ProjectStageAnswer(string Stage, string NameZh, string NameEn, DateOnly? On, string? Note);

/// <summary>A smart-compound project with its stages and the devices it owns, by kind and status.</summary>
public sealed record ProjectAnswer(Guid Id, string Name, string Compound, Guid? CompoundId, string? Contractor, string Stage, string? StageZh,
    IReadOnlyList<ProjectStageAnswer> Stages, int Devices, int DevicesOnline, IReadOnlyDictionary<string, int> DevicesByKind)
{
    public static ProjectAnswer Of(ProjectView p, IReadOnlyList<DeviceView> devices) => new(p.Id, p.Name, p.Compound, p.CompoundId, p.Contractor, p.Stage,
        ProjectStages.NameZh(p.Stage),
        [.. ProjectStages.All.Select(s => p.Stages.FirstOrDefault(x => x.Stage == s.Code) is { } reached
            ? new ProjectStageAnswer(s.Code, s.NameZh, s.NameEn, reached.On, reached.Note) : new ProjectStageAnswer(s.Code, s.NameZh, s.NameEn, null, null))],
        devices.Count, devices.Count(d => d.Status == DeviceStatuses.Online),
        devices.GroupBy(d => d.Kind).ToDictionary(g => g.Key, g => g.Count()));
}

public sealed record IncidentRequest(string? Kind, string? Title, string? Description, string? Compound, double? Lon, double? Lat, Guid? AlarmId);

public sealed record DispatchRequest(string? Responder, string? Note);

public sealed record IncidentStatusRequest(string? Status, string? Note);

/// <summary>An incident of the command centre with its steps (status, time, who) — staff only: responders are named.</summary>
public sealed record IncidentAnswer(Guid Id, string Kind, string? KindZh, string Title, string? Description, string? Compound, double Lon, double Lat,
    Guid? AlarmId, Guid? DeviceId, string Status, string? StatusZh, string ReportedBy, DateTimeOffset ReportedAt, DateTimeOffset? ClosedAt,
    IReadOnlyList<string> Responders, IReadOnlyList<IncidentStep> Steps)
{
    public static IncidentAnswer Of(IncidentView i) => new(i.Id, i.Kind, IncidentCodes.Kinds.FirstOrDefault(k => k.Code == i.Kind).NameZh, i.Title, i.Description,
        i.Compound, i.Lon, i.Lat, i.AlarmId, i.DeviceId, i.Status, IncidentCodes.Statuses.FirstOrDefault(s => s.Code == i.Status).NameZh, i.ReportedBy, i.ReportedAt,
        i.ClosedAt, i.Responders, i.Steps);
}

/// <summary>The live map's state: every device in service with its colour, and the open alarms.</summary>
public sealed record LiveSnapshot(IReadOnlyList<DeviceLive> Devices, IReadOnlyList<AlarmAnswer> Alarms);
