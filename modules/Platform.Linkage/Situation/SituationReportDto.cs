namespace Platform.Linkage.Situation;

/// <summary>An issued 社区情况报告: <c>overall</c> or one <c>community</c>'s.</summary>
public sealed record SituationReportDto(Guid Id, string Kind, string Title, string? CommunityCode, string? CommunityName, DateOnly IssuedOn);
