namespace Platform.Jurisdiction.Reports;

/// <summary>The street (街道) and its counts of units on the report's as-of date.</summary>
internal sealed record StreetFigures(string Name, string Code, int Communities, int Villages, int Groups);
