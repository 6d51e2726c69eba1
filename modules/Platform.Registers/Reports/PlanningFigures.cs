namespace Platform.Registers.Reports;

/// <summary>The planning scheme 一带六组团: belts and themed clusters, with their names joined for sentences.</summary>
internal sealed record PlanningFigures(int Belts, string BeltNamesZh, int Clusters, string ClusterThemesZh, IReadOnlyList<ZoneFigures> List);
