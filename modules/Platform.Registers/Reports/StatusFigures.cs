namespace Platform.Registers.Reports;

internal sealed record StatusFigures(string Status, string StatusZh, int Count, decimal BudgetWan);
