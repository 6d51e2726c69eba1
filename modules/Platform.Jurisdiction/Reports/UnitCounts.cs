namespace Platform.Jurisdiction.Reports;

internal sealed record UnitCounts(DateOnly Date, int Communities, int Villages, int Groups, int CommunitiesAndVillages);
