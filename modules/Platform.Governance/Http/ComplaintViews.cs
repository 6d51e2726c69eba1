using Platform.Abstractions.Security;
using Platform.Governance.Complaints;

namespace Platform.Governance.Http;

/// <summary>A complaint as answered; the reporter fields are filled for staff only.</summary>
public sealed record ComplaintView(
    Guid Id, string Category, string CategoryZh, string Description, double[] Location, string? Address,
    string? Compound, string? Community, string RoutedTo, Dictionary<string, string> Answers,
    string Status, string StatusZh, string Channel, DateTimeOffset FiledAt, DateTimeOffset UpdatedAt,
    DateTimeOffset AcceptDueAt, DateTimeOffset RespondDueAt, DateTimeOffset? AcceptedAt, DateTimeOffset? RespondedAt, DateTimeOffset? ClosedAt,
    string? Response, string[] Photos, IReadOnlyList<EscalationEntry> Escalations, IReadOnlyList<StatusEntry> Statuses, string[] NextStatuses,
    [property: PersonalData] string? ReporterName, [property: PersonalData] string? ReporterPhone)
{
    public static ComplaintView Of(Complaint c, IReadOnlyDictionary<string, string> categoryNames, bool personal) => new(
        c.Id, c.Category, categoryNames.GetValueOrDefault(c.Category, c.Category), c.Description, [c.Lon, c.Lat], c.Address,
        c.CompoundName, c.CommunityName, c.RoutedTo, c.Answers, c.Status, ComplaintStatus.NamesZh[c.Status], c.Channel, c.FiledAt, c.UpdatedAt,
        c.AcceptDueAt, c.RespondDueAt, c.AcceptedAt, c.RespondedAt, c.ClosedAt, c.Response,
        [.. c.Photos.Select(p => $"/api/governance/complaints/{c.Id}/photos/{p}")], c.Escalations, c.Statuses,
        [.. StatusChangesFollowTheComplaintProcessRule.After(c.Status)],
        personal ? c.ReporterName : null, personal ? c.ReporterPhone : null);
}

/// <summary>A similar open complaint near a new one: enough to recognise it, nothing about who filed it.</summary>
public sealed record SimilarComplaint(Guid Id, string Category, string CategoryZh, string Description, string StatusZh, double DistanceMetres, DateTimeOffset FiledAt);

/// <summary>A worker's open complaints by deadline, with the server's clock (the page counts the SLA timers from it).</summary>
public sealed record ComplaintQueue(DateTimeOffset Now, List<ComplaintView> Complaints);

/// <summary>A response template as offered to staff.</summary>
public sealed record ResponseTemplateView(Guid Id, string Title, string Text, List<string> Categories, string? Status, string? StatusZh, bool Retired, long Version)
{
    public static ResponseTemplateView Of(ResponseTemplate t) =>
        new(t.Id, t.Title, t.Text, t.Categories, t.Status, t.Status is null ? null : ComplaintStatus.NamesZh[t.Status], t.Retired, t.Version);
}
