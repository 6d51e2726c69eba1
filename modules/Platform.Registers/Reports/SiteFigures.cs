namespace Platform.Registers.Reports;

/// <summary>Planning and project sites by status on the as-of date, with budgets in 万元.</summary>
internal sealed record SiteFigures(int Total, decimal BudgetWan, IReadOnlyList<StatusFigures> ByStatus, IReadOnlyList<SiteRow> List, int StartedInPeriod, int CompletedInPeriod);
