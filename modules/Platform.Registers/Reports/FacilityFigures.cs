namespace Platform.Registers.Reports;

/// <summary>Facilities open on the as-of date, by category and by life-circle level (GB 50180-2018).</summary>
internal sealed record FacilityFigures(int Total, int Public, int Commercial, IReadOnlyList<CategoryFigures> ByCategory, IReadOnlyList<CircleFigures> ByCircle);
