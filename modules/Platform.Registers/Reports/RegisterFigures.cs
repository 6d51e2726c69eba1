namespace Platform.Registers.Reports;

/// <summary>What the registers add to every report's model: <c>report.housing</c>, <c>report.facilities</c>, <c>report.sites</c>, <c>report.hubs</c>, <c>report.planning</c>.</summary>
internal sealed record RegisterFigures(HousingFigures Housing, FacilityFigures Facilities, SiteFigures Sites, IReadOnlyList<HubFigures> Hubs, PlanningFigures Planning);
