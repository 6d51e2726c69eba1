using JasperFx.Events;
using Marten.Events.Aggregation;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Security;

namespace Platform.Plugins.Smart.Incidents;

/// <summary>Incident kinds and statuses of the command centre (统一指挥调度).</summary>
public static class IncidentCodes
{
    public static readonly IReadOnlyList<(string Code, string NameZh, string NameEn)> Kinds =
    [
        ("device_alarm", "设备告警", "Device alarm"),
        ("fire_lane", "消防通道堵塞", "Fire lane blocked"),
        ("person_help", "人员求助", "Person needing help"),
        ("security", "治安事件", "Security"),
        ("facility_fault", "设施故障", "Facility fault"),
        ("other", "其他", "Other"),
    ];

    /// <summary>In order; an incident moves forward only, and is closed at the end.</summary>
    public static readonly IReadOnlyList<(string Code, string NameZh, string NameEn)> Statuses =
    [
        ("reported", "已上报", "Reported"),
        ("dispatched", "已派遣", "Dispatched"),
        ("on_scene", "已到场", "On scene"),
        ("resolved", "已处置", "Resolved"),
        ("closed", "已办结", "Closed"),
    ];

    public static int StatusIndex(string? code) => Statuses.Select(s => s.Code).ToList().IndexOf(code ?? "");
}

/// <summary>An incident was reported, by staff or from an alarm (<paramref name="AlarmId"/>).</summary>
public sealed record IncidentReported(string Kind, string Title, string? Description, string? Compound, double Lon, double Lat,
    Guid? AlarmId, Guid? DeviceId, DateTimeOffset At);

/// <summary>Responders (a team or a member of staff) were sent to the incident.</summary>
public sealed record IncidentDispatched(string Responder, string? Note, DateTimeOffset At);

/// <summary>The incident moved on to <paramref name="Status"/>.</summary>
public sealed record IncidentStatusChanged(string Status, string? Note, DateTimeOffset At);

public sealed class IncidentView : ILocatedRecord
{
    (double Lon, double Lat) ILocatedRecord.Place => (Lon, Lat);

    public Guid Id { get; set; }
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string? Compound { get; set; }
    public double Lon { get; set; }
    public double Lat { get; set; }
    public Guid? AlarmId { get; set; }
    public Guid? DeviceId { get; set; }
    public string Status { get; set; } = "reported";
    public string ReportedBy { get; set; } = "";
    public DateTimeOffset ReportedAt { get; set; }
    [PersonalData] public List<string> Responders { get; set; } = [];
    public List<IncidentStep> Steps { get; set; } = [];
    public DateTimeOffset? ClosedAt { get; set; }
}

/// <summary>A step of an incident: its status then, when, by whom, with a note (responders are named in notes of dispatches).</summary>
public sealed record IncidentStep(string Status, DateTimeOffset At, string User, string? Note);

public sealed class IncidentProjection : SingleStreamProjection<IncidentView, Guid>
{
    public IncidentProjection()
    {
        IncludeType<IncidentReported>();
        IncludeType<IncidentDispatched>();
        IncludeType<IncidentStatusChanged>();
    }

    public override IncidentView Evolve(IncidentView? snapshot, Guid id, IEvent e)
    {
        var v = snapshot ?? new IncidentView { Id = id };
        var user = e.UserName ?? "system";
        switch (e.Data)
        {
            case IncidentReported r:
                v.Kind = r.Kind;
                v.Title = r.Title;
                v.Description = r.Description;
                v.Compound = r.Compound;
                v.Lon = r.Lon;
                v.Lat = r.Lat;
                v.AlarmId = r.AlarmId;
                v.DeviceId = r.DeviceId;
                v.ReportedAt = r.At;
                v.ReportedBy = user;
                v.Steps = [new IncidentStep("reported", r.At, user, null)];
                break;
            case IncidentDispatched d:
                v.Responders.Add(d.Responder);
                if (IncidentCodes.StatusIndex(v.Status) < 1)
                    v.Status = "dispatched";
                v.Steps.Add(new IncidentStep("dispatched", d.At, user, string.IsNullOrEmpty(d.Note) ? d.Responder : $"{d.Responder}：{d.Note}"));
                break;
            case IncidentStatusChanged s:
                v.Status = s.Status;
                v.Steps.Add(new IncidentStep(s.Status, s.At, user, s.Note));
                if (s.Status == "closed")
                    v.ClosedAt = s.At;
                break;
        }
        return v;
    }
}

public interface IIncidentGrain : IGrainWithGuidKey
{
    Task<CommandResult> ReportAsync(ReportIncident command, CommandContext context);

    Task<CommandResult> DispatchAsync(string responder, string? note, CommandContext context);

    Task<CommandResult> MoveAsync(string status, string? note, CommandContext context);
}

[GenerateSerializer, Immutable]
public sealed record ReportIncident([property: Id(0)] string Kind, [property: Id(1)] string Title, [property: Id(2)] string? Description,
    [property: Id(3)] string? Compound, [property: Id(4)] double Lon, [property: Id(5)] double Lat, [property: Id(6)] Guid? AlarmId, [property: Id(7)] Guid? DeviceId);

[GrainType("smart.incident")]
internal sealed class IncidentGrain(EventWriter writer, TimeProvider clock, Live.LiveFeed feed) : Grain, IIncidentGrain
{
    public Task<CommandResult> ReportAsync(ReportIncident c, CommandContext context) => Write(context, "reported", i =>
        i is not null ? Outcome.Refuse(409, "id", "This incident exists already.", "该事件已存在。")
        : Outcome.Append(new IncidentReported(c.Kind, c.Title, c.Description, c.Compound, c.Lon, c.Lat, c.AlarmId, c.DeviceId, clock.GetUtcNow())).At(c.Lon, c.Lat, "lon"));

    public Task<CommandResult> DispatchAsync(string responder, string? note, CommandContext context) => Write(context, "dispatched", i =>
        i is null ? Unknown()
        : i.Status == "closed" ? Outcome.Refuse(409, "status", "The incident is closed.", "该事件已办结。")
        : Outcome.Append(new IncidentDispatched(responder, note, clock.GetUtcNow())));

    public Task<CommandResult> MoveAsync(string status, string? note, CommandContext context) => Write(context, status, i =>
    {
        if (i is null)
            return Unknown();
        var to = IncidentCodes.StatusIndex(status);
        if (to < 0)
            return Outcome.Refuse(400, "status", $"Unknown status '{status}'; one of {string.Join(", ", IncidentCodes.Statuses.Select(s => s.Code))}.",
                $"事件状态无效，可选：{string.Join("、", IncidentCodes.Statuses.Select(s => $"{s.Code}（{s.NameZh}）"))}。");
        if (to <= IncidentCodes.StatusIndex(i.Status))
            return Outcome.Refuse(409, "status", $"The incident is {i.Status} already; statuses only move forward.", "事件状态只能向前推进。");
        if (status is "on_scene" && i.Responders.Count == 0)
            return Outcome.Refuse(409, "status", "Nobody was dispatched to the incident yet.", "尚未派遣处置人员。");
        return Outcome.Append(new IncidentStatusChanged(status, note, clock.GetUtcNow()));
    });

    private static Outcome Unknown() => Outcome.Refuse(404, "id", "No incident is registered under this id.", "找不到该事件。");

    private async Task<CommandResult> Write(CommandContext context, string change, Func<IncidentView?, Outcome> decide)
    {
        var result = await writer.WriteAsync(this.GetPrimaryKey(), context, decide);
        if (result.Accepted)
            feed.Publish("incident", new IncidentNotice(this.GetPrimaryKey(), change));
        return result;
    }
}

public sealed record IncidentNotice(Guid Id, string Change);
