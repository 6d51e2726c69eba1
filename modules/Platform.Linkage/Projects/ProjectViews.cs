namespace Platform.Linkage.Projects;

/// <summary>A required document of a stage and whether the project has it.</summary>
public sealed record StageDocumentDto(string Kind, string NameZh, string NameEn, bool Uploaded);

/// <summary>An uploaded document.</summary>
public sealed record ProjectDocumentDto(Guid Id, string Stage, string Kind, string FileName, string ContentType, long Bytes, string Sha256);

/// <summary>A supervision check of a project at a stage.</summary>
public sealed record SupervisionCheckDto(Guid Id, string Stage, string StageZh, DateOnly On, Guid TeamId, bool DocumentsComplete, string Findings, string? Support, bool FollowUpNeeded, bool FollowUpDone);

/// <summary>A community fund project as the pages and the report read it.</summary>
public sealed record FundProjectDto(
    Guid Id, string Title, int Year, string FundType, string FundTypeZh, string Category, decimal AmountWan,
    string CommunityCode, string CommunityName, Guid? PartnerId, string? PartnerName,
    string? Stage, string? StageZh, string? NextStage, string? NextStageZh, string? NextStageRuleZh, IReadOnlyList<StageDocumentDto> NextStageDocuments,
    IReadOnlyList<ProjectDocumentDto> Documents, object? Meeting, bool? MeetingPasses, object? Notice, int? NoticeDays, object? Review,
    object? Application, object? Decision, IReadOnlyList<object> Progress, object? Result,
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
            p.Meeting, p.Meeting is null ? null : DecisionNeedsAQuorumAndAMajorityRule.Passes(p.Meeting),
            p.Notice, p.Notice is null ? null : NoticeMustRunItsFullPeriodBeforeReviewRule.Days(p.Notice), p.Review,
            p.Application, p.Decision, p.Progress.Cast<object>().ToList(), p.Result,
            p.Checks.Select(c => new SupervisionCheckDto(c.CheckId, c.Stage, ProjectStages.Find(c.Stage)?.NameZh ?? c.Stage, c.On, c.TeamId, c.DocumentsComplete, c.Findings, c.Support, c.FollowUpNeeded, c.FollowUpDone)).ToList(),
            status, statusZh, p.Version);
    }
}
