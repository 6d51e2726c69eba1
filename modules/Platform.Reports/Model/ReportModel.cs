namespace Platform.Reports.Model;

/// <summary>
/// Everything a report template can print as <c>report</c>: the report and its period, the ecological scene's gardens, and
/// the figures that module and plugin sections share (<see cref="Platform.Abstractions.Reports.IReportSection.SharesFigures"/>),
/// already named in snake_case (<c>restructuring</c>, <c>housing</c>). Documented field by field in <c>docs/reports.md</c>.
/// </summary>
/// <param name="Kind"><c>annual</c>, <c>community</c> or <c>overview</c>.</param>
/// <param name="AsOf">The date the registers are read on: the period's end, or today for a period not yet over.</param>
/// <param name="SectionData">The data each sharing section gave, by section id, so that its own template is not read twice.</param>
internal sealed record ReportModel(
    string Kind,
    int Year,
    DateOnly From,
    DateOnly To,
    DateOnly AsOf,
    GardenFigures Gardens,
    IReadOnlyDictionary<string, object?> Figures,
    IReadOnlyDictionary<string, object> SectionData);
