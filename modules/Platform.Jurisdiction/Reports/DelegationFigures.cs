namespace Platform.Jurisdiction.Reports;

/// <summary>托管: areas of other streets this street manages, with the date of the decision.</summary>
internal sealed record DelegationFigures(int Areas, int OwnerStreets, IReadOnlyList<DelegatedArea> List);
