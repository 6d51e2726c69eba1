namespace Platform.Jurisdiction.Reports;

internal sealed record DelegatedArea(string Name, string OwnerStreet, DateOnly Since);
