namespace Platform.Linkage.Projects;

[GenerateSerializer, Immutable]
internal sealed record RegisterFundProject(
    [property: Id(0)] string Title, [property: Id(1)] int Year, [property: Id(2)] string FundType, [property: Id(3)] string Category,
    [property: Id(4)] decimal AmountWan, [property: Id(5)] string CommunityCode, [property: Id(6)] Guid? PartnerId);

[GenerateSerializer, Immutable]
internal sealed record AttachDocument(
    [property: Id(0)] Guid DocumentId, [property: Id(1)] string Stage, [property: Id(2)] string Kind, [property: Id(3)] string FileName,
    [property: Id(4)] string ContentType, [property: Id(5)] long Bytes, [property: Id(6)] string Sha256);

[GenerateSerializer, Immutable]
internal sealed record RecordMeeting([property: Id(0)] DateOnly HeldOn, [property: Id(1)] int Entitled, [property: Id(2)] int Attended, [property: Id(3)] int VotesFor, [property: Id(4)] int VotesAgainst);

[GenerateSerializer, Immutable]
internal sealed record PostNotice([property: Id(0)] DateOnly From, [property: Id(1)] DateOnly To);

[GenerateSerializer, Immutable]
internal sealed record RecordReview([property: Id(0)] DateOnly HeldOn, [property: Id(1)] string Reviewers, [property: Id(2)] bool Approved, [property: Id(3)] string? Opinion);

[GenerateSerializer, Immutable]
internal sealed record EnterStage([property: Id(0)] string Stage);

[GenerateSerializer, Immutable]
internal sealed record ApplyForIncentive([property: Id(0)] DateOnly On, [property: Id(1)] decimal RequestedWan);

[GenerateSerializer, Immutable]
internal sealed record DecideIncentive([property: Id(0)] DateOnly On, [property: Id(1)] bool Approved, [property: Id(2)] decimal ApprovedWan);

[GenerateSerializer, Immutable]
internal sealed record ReportProgress([property: Id(0)] DateOnly On, [property: Id(1)] int Percent, [property: Id(2)] string Note);

[GenerateSerializer, Immutable]
internal sealed record RecordResult([property: Id(0)] DateOnly On, [property: Id(1)] string Summary);

[GenerateSerializer, Immutable]
internal sealed record RecordSupervisionCheck(
    [property: Id(0)] string Stage, [property: Id(1)] DateOnly On, [property: Id(2)] Guid TeamId, [property: Id(3)] bool DocumentsComplete,
    [property: Id(4)] string Findings, [property: Id(5)] string? Support, [property: Id(6)] bool FollowUpNeeded, [property: Id(7)] bool FollowUpDone);
