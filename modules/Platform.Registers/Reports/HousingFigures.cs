namespace Platform.Registers.Reports;

/// <summary>Compounds (小区) and households by kind and by community; no householder is named.</summary>
internal sealed record HousingFigures(int Compounds, int Households, IReadOnlyList<CompoundKindFigures> ByKind, IReadOnlyList<CompoundFigures> List,
    CompoundKindFigures Commercial, CompoundKindFigures Resettlement, CompoundKindFigures Talent, CompoundKindFigures Village, int ResettlementCompounds, string ResettlementNames);
