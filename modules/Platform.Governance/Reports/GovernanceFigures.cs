using Platform.Governance.Complaints;

namespace Platform.Governance.Reports;

/// <summary>
/// The figures of compound governance for a period, shared with every report as <c>report.complaints</c>, <c>report.inspections</c>,
/// <c>report.reopening</c>, <c>report.property_training</c> and <c>report.filings</c>.
/// </summary>
public sealed record GovernanceFigures(
    ComplaintFigures Complaints, InspectionFigures Inspections, InspectionFigures Reopening, TrainingFigures PropertyTraining, FilingFigures Filings);

/// <summary>
/// Inspections held and what they found: findings rectified on time, late, or not yet; <see cref="AllOnTime"/> only when every
/// finding was rectified by its deadline. Names and topics are joined with 、 for the text.
/// </summary>
public sealed record InspectionFigures(
    int Held, int Places, string PlaceNamesZh, string TemplatesZh, string ItemsZh, int Findings, int RectifiedOnTime, int RectifiedLate, int Open,
    bool AllOnTime, string OnTimePercent, IReadOnlyList<KindCount> ByKind);

public sealed record KindCount(string Kind, string KindZh, int Count);

/// <summary>Property-service training: sessions, person-times, compounds covered and topics.</summary>
public sealed record TrainingFigures(int Sessions, int Attendance, int Compounds, string CompoundNamesZh, string TopicsZh);

/// <summary>Filings per kind, with the compounds they concern.</summary>
public sealed record FilingFigures(int Rental, int PropertyContract, int Handover, int FacilityDelivery, int Total, string RentalCompoundsZh);
