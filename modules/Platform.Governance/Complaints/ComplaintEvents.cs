using Platform.Abstractions.Security;

namespace Platform.Governance.Complaints;

/// <summary>
/// A complaint was filed (投诉受理登记): where (the point decides compound and community), what (category, description,
/// answers to the category's questions), through which channel, routed to whom, and its SLA deadlines.
/// </summary>
internal sealed record ComplaintFiled(
    string Category, string Description, double Lon, double Lat, string? Address,
    Guid? CompoundId, string? CompoundName, string? CommunityCode, string? CommunityName,
    string RoutedTo, string Route, Dictionary<string, string> Answers,
    [property: PersonalData] string? ReporterName, [property: PersonalData] string? ReporterPhone,
    [property: PersonalData] string? ReporterUser, string Channel, string? Open311Client, string? MediaUrl,
    DateTimeOffset FiledAt, DateTimeOffset AcceptDueAt, DateTimeOffset RespondDueAt);

/// <summary>
/// The complaint moved to <c>accepted</c>, <c>in_progress</c>, <c>responded</c> (处置回复, the note is the reply),
/// <c>closed</c> (the reporter confirmed) or <c>reopened</c> (the reporter was not satisfied).
/// </summary>
internal sealed record ComplaintStatusChanged(string Status, DateTimeOffset At, string? Note);

/// <summary>A photo was attached: image bytes with any EXIF/XMP metadata (location included) already removed.</summary>
internal sealed record ComplaintPhotoAttached(Guid PhotoId, string ContentType, byte[] Data);

/// <summary>The complaint was overdue and went up a level: 1 to the community's head, 2 to the street.</summary>
internal sealed record ComplaintEscalated(int Level, string To, string Overdue, DateTimeOffset At);
