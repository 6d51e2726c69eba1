using JasperFx.Events;
using Marten.Events.Aggregation;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Security;

namespace Platform.Governance.Complaints;

/// <summary>A complaint as kept (the read model of its stream). Reporter fields are personal data: staff only.</summary>
public sealed class Complaint : ILocatedRecord
{
    (double Lon, double Lat) ILocatedRecord.Place => (Lon, Lat);

    public Guid Id { get; set; }
    public string Category { get; set; } = "";
    public string Description { get; set; } = "";
    public double Lon { get; set; }
    public double Lat { get; set; }
    public string? Address { get; set; }
    public Guid? CompoundId { get; set; }
    public string? CompoundName { get; set; }
    public string? CommunityCode { get; set; }
    public string? CommunityName { get; set; }
    public string RoutedTo { get; set; } = "";
    public string Route { get; set; } = "";
    public Dictionary<string, string> Answers { get; set; } = [];
    [PersonalData] public string? ReporterName { get; set; }
    [PersonalData] public string? ReporterPhone { get; set; }
    [PersonalData] public string? ReporterUser { get; set; }
    public string Channel { get; set; } = "";
    public string? Open311Client { get; set; }
    public string? MediaUrl { get; set; }
    public string Status { get; set; } = ComplaintStatus.Submitted;
    public DateTimeOffset FiledAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset AcceptDueAt { get; set; }
    public DateTimeOffset RespondDueAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? RespondedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? Response { get; set; }
    public List<Guid> Photos { get; set; } = [];
    public List<EscalationEntry> Escalations { get; set; } = [];
    public List<StatusEntry> Statuses { get; set; } = [];
    public long Version { get; set; }

    public int EscalationLevel => Escalations.Count == 0 ? 0 : Escalations.Max(e => e.Level);
}

public sealed record EscalationEntry(int Level, string To, string Overdue, DateTimeOffset At);

public sealed record StatusEntry(string Status, DateTimeOffset At, string? Note);

internal sealed class ComplaintProjection : SingleStreamProjection<Complaint, Guid>
{
    public ComplaintProjection()
    {
        IncludeType<ComplaintFiled>();
        IncludeType<ComplaintStatusChanged>();
        IncludeType<ComplaintPhotoAttached>();
        IncludeType<ComplaintEscalated>();
    }

    public override Complaint Evolve(Complaint? snapshot, Guid id, IEvent e)
    {
        if (snapshot is null && e.Data is not ComplaintFiled)
            return null!;
        var c = snapshot ?? new Complaint { Id = id };
        switch (e.Data)
        {
            case ComplaintFiled x:
                (c.Category, c.Description, c.Lon, c.Lat, c.Address) = (x.Category, x.Description, x.Lon, x.Lat, x.Address);
                (c.CompoundId, c.CompoundName, c.CommunityCode, c.CommunityName) = (x.CompoundId, x.CompoundName, x.CommunityCode, x.CommunityName);
                (c.RoutedTo, c.Route, c.Answers) = (x.RoutedTo, x.Route, new Dictionary<string, string>(x.Answers));
                (c.ReporterName, c.ReporterPhone, c.ReporterUser, c.Channel, c.Open311Client, c.MediaUrl) = (x.ReporterName, x.ReporterPhone, x.ReporterUser, x.Channel, x.Open311Client, x.MediaUrl);
                (c.FiledAt, c.UpdatedAt, c.AcceptDueAt, c.RespondDueAt) = (x.FiledAt, x.FiledAt, x.AcceptDueAt, x.RespondDueAt);
                c.Statuses.Add(new StatusEntry(ComplaintStatus.Submitted, x.FiledAt, null));
                break;
            case ComplaintStatusChanged x:
                c.Status = x.Status;
                c.UpdatedAt = x.At;
                c.Statuses.Add(new StatusEntry(x.Status, x.At, x.Note));
                if (x.Status == ComplaintStatus.Accepted)
                    c.AcceptedAt ??= x.At;
                if (x.Status == ComplaintStatus.Responded)
                    (c.RespondedAt, c.Response) = (c.RespondedAt ?? x.At, x.Note);
                if (x.Status == ComplaintStatus.Closed)
                    c.ClosedAt = x.At;
                break;
            case ComplaintPhotoAttached x:
                c.Photos.Add(x.PhotoId);
                break;
            case ComplaintEscalated x:
                c.Escalations.Add(new EscalationEntry(x.Level, x.To, x.Overdue, x.At));
                break;
        }
        c.Version = e.Version;
        return c;
    }
}
