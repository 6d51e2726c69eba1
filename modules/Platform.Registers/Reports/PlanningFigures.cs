namespace Platform.Registers.Reports;

/// <summary>
/// The planning scheme 一带六组团: belts and themed clusters, with their names joined for sentences; the highest A-level
/// scenic-area grade a zone is planned for (1–5, null when no zone has one) and the zones that have it.
/// </summary>
internal sealed record PlanningFigures(int Belts, string BeltNamesZh, int Clusters, string ClusterThemesZh, IReadOnlyList<ZoneFigures> List,
    int? ScenicGrade, string ScenicZonesZh);
