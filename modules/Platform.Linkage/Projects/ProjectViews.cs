namespace Platform.Linkage.Projects;

/// <summary>A required document of a stage and whether the project has it.</summary>
public sealed record StageDocumentDto(string Kind, string NameZh, string NameEn, bool Uploaded);

/// <summary>An uploaded document.</summary>
public sealed record ProjectDocumentDto(Guid Id, string Stage, string Kind, string FileName, string ContentType, long Bytes, string Sha256);

/// <summary>A supervision check of a project at a stage.</summary>
public sealed record SupervisionCheckDto(Guid Id, string Stage, string StageZh, DateOnly On, Guid TeamId, bool DocumentsComplete, string Findings, string? Support, bool FollowUpNeeded, bool FollowUpDone);

/// <summary>The deciding meeting (民主议决): those entitled, present, and the votes.</summary>
public sealed record MeetingDto(DateOnly HeldOn, int Entitled, int Attended, int VotesFor, int VotesAgainst);

/// <summary>The public notice period (公示), both days counted.</summary>
public sealed record NoticeDto(DateOnly From, DateOnly To);

/// <summary>The project review (立项评审) and the reviewers' decision.</summary>
public sealed record ReviewDto(DateOnly HeldOn, string Reviewers, bool Approved, string? Opinion);

/// <summary>An application for incentive funds, in 万元.</summary>
public sealed record IncentiveApplicationDto(DateOnly On, decimal RequestedWan);

/// <summary>The administrators' decision on an incentive application, in 万元.</summary>
public sealed record IncentiveDecisionDto(DateOnly On, bool Approved, decimal ApprovedWan);

/// <summary>A progress report of an implemented project.</summary>
public sealed record ProgressDto(DateOnly On, int Percent, string Note);

/// <summary>The recorded result of a project.</summary>
public sealed record ResultDto(DateOnly On, string Summary);

/// <summary>A community fund project as the pages and the report read it.</summary>
public sealed record FundProjectDto(
    Guid Id, string Title, int Year, string FundType, string FundTypeZh, string Category, decimal AmountWan,
    string CommunityCode, string CommunityName, Guid? PartnerId, string? PartnerName,
    string? Stage, string? StageZh, string? NextStage, string? NextStageZh, string? NextStageRuleZh, IReadOnlyList<StageDocumentDto> NextStageDocuments,
    IReadOnlyList<ProjectDocumentDto> Documents, MeetingDto? Meeting, bool? MeetingPasses, NoticeDto? Notice, int? NoticeDays, ReviewDto? Review,
    IncentiveApplicationDto? Application, IncentiveDecisionDto? Decision, IReadOnlyList<ProgressDto> Progress, ResultDto? Result,
    IReadOnlyList<SupervisionCheckDto> Checks, string SupervisionStatus, string SupervisionStatusZh, long Version)
{
    internal static FundProjectDto Of(FundProject p)
    {
        var stage = ProjectStages.Find(p.Stage);
        var next = ProjectStages.After(p.Stage);
        var (status, statusZh) = p.Checks.Count == 0 ? ("unchecked", "未督导")
            : p.Checks.Any(c => c.FollowUpNeeded && !c.FollowUpDone) ? ("follow_up", "待整改")
            : p.Checks.Any(c => c.Stage == p.Stage) ? ("checked", "已督导")
            : ("checked_earlier", "前阶段已督导");
        return new FundProjectDto(p.Id, p.Title, p.Year, p.FundType, FundTypes.All.TryGetValue(p.FundType, out var t) ? t.Zh : p.FundType, p.Category, p.AmountWan,
            p.CommunityCode, p.CommunityName, p.PartnerId, p.PartnerName,
            p.Stage, stage?.NameZh, next?.Code, next?.NameZh, next?.RuleZh,
            next?.Documents.Select(d => new StageDocumentDto(d.Kind, d.NameZh, d.NameEn, p.HasDocument(next.Code, d.Kind))).ToList() ?? [],
            p.Documents.Select(d => new ProjectDocumentDto(d.DocumentId, d.Stage, d.Kind, d.FileName, d.ContentType, d.Bytes, d.Sha256)).ToList(),
            p.Meeting is { } meeting ? new MeetingDto(meeting.HeldOn, meeting.Entitled, meeting.Attended, meeting.VotesFor, meeting.VotesAgainst) : null,
            p.Meeting is null ? null : DecisionNeedsAQuorumAndAMajorityRule.Passes(p.Meeting),
            p.Notice is { } notice ? new NoticeDto(notice.From, notice.To) : null, p.Notice is null ? null : NoticeMustRunItsFullPeriodBeforeReviewRule.Days(p.Notice),
            p.Review is { } review ? new ReviewDto(review.HeldOn, review.Reviewers, review.Approved, review.Opinion) : null,
            p.Application is { } application ? new IncentiveApplicationDto(application.On, application.RequestedWan) : null,
            p.Decision is { } decision ? new IncentiveDecisionDto(decision.On, decision.Approved, decision.ApprovedWan) : null,
            p.Progress.Select(g => new ProgressDto(g.On, g.Percent, g.Note)).ToList(),
            p.Result is { } result ? new ResultDto(result.On, result.Summary) : null,
            p.Checks.Select(c => new SupervisionCheckDto(c.CheckId, c.Stage, ProjectStages.Find(c.Stage)?.NameZh ?? c.Stage, c.On, c.TeamId, c.DocumentsComplete, c.Findings, c.Support, c.FollowUpNeeded, c.FollowUpDone)).ToList(),
            status, statusZh, p.Version);
    }
}

/// <summary>A stage as <c>GET /api/linkage/stages</c> lists it: its documents and its rule in words.</summary>
public sealed record StageDto(int Order, string Code, string NameZh, string NameEn, IReadOnlyList<RequiredDocumentDto> Documents, string RuleZh, string RuleEn);

/// <summary>A document kind a stage needs.</summary>
public sealed record RequiredDocumentDto(string Kind, string NameZh, string NameEn);

/// <summary>A project category of the administrators' list.</summary>
public sealed record CategoryDto(Guid Id, string Name, int Order);

/// <summary>The project board of a year: a column per stage (未启动 first) and the count per supervision status.</summary>
public sealed record BoardDto(int? Year, IReadOnlyList<BoardColumnDto> Columns, IReadOnlyList<SupervisionCountDto> BySupervision);

/// <summary>One column of the board.</summary>
public sealed record BoardColumnDto(string Stage, string StageZh, IReadOnlyList<FundProjectDto> Projects);

/// <summary>How many projects of the board have a supervision status.</summary>
public sealed record SupervisionCountDto(string Status, string StatusZh, int Count);

/// <summary>What an accepted upload answers: the stored document, its type as judged from its bytes, its size.</summary>
public sealed record UploadedDocumentDto(Guid Id, string ContentType, long Bytes, long Version);
