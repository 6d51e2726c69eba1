namespace Platform.Registers.Reports;

internal sealed record SiteRow(string Name, string Status, string StatusZh, string Category, string CategoryZh, decimal? BudgetWan, string? Zone, string? Community);
