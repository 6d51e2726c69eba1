namespace Platform.Linkage.Projects;

internal sealed record FundProjectRegistered(string Title, int Year, string FundType, string Category, decimal AmountWan, string CommunityCode, string CommunityName, Guid? PartnerId, string? PartnerName);

internal sealed record ProjectDocumentAttached(Guid DocumentId, string Stage, string Kind, string FileName, string ContentType, long Bytes, string Sha256);

internal sealed record MeetingRecorded(DateOnly HeldOn, int Entitled, int Attended, int VotesFor, int VotesAgainst);

internal sealed record NoticePosted(DateOnly From, DateOnly To);

internal sealed record ReviewRecorded(DateOnly HeldOn, string Reviewers, bool Approved, string? Opinion);

internal sealed record ProjectStageEntered(string Stage, DateOnly On);

internal sealed record IncentiveApplied(DateOnly On, decimal RequestedWan);

internal sealed record IncentiveDecided(DateOnly On, bool Approved, decimal ApprovedWan);

internal sealed record ProgressReported(DateOnly On, int Percent, string Note);

internal sealed record ResultRecorded(DateOnly On, string Summary);

internal sealed record SupervisionChecked(Guid CheckId, string Stage, DateOnly On, Guid TeamId, bool DocumentsComplete, string Findings, string? Support, bool FollowUpNeeded, bool FollowUpDone);
