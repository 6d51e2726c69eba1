namespace Platform.Jurisdiction.Reports;

/// <summary>
/// 村(社区)建制调整 and 村(居)民小组优化调整 within the report's period, with the same counts and ratios as
/// <c>GET /api/jurisdiction/statistics</c>.
/// </summary>
internal sealed record RestructuringFigures(
    UnitCounts Before,
    UnitCounts After,
    int Reduction,
    double ReductionPercent,
    int GroupReduction,
    double GroupReductionPercent,
    string SentenceZh,
    string GroupSentenceZh,
    string UnitChangesZh,
    bool Changed,
    int UnitsInvolved,
    IReadOnlyList<UnitChange> Changes,
    IReadOnlyList<VoteFigures> Votes,
    int VotesHeld,
    int VotesPassed,
    int VotesFailed);
