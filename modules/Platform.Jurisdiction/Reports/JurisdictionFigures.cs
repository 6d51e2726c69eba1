namespace Platform.Jurisdiction.Reports;

/// <summary>What the jurisdiction adds to every report's model: <c>report.street</c>, <c>report.community</c>, <c>report.restructuring</c>, <c>report.delegation</c>, <c>report.communities</c>.</summary>
internal sealed record JurisdictionFigures(
    StreetFigures Street,
    CommunityRef? Community,
    RestructuringFigures Restructuring,
    DelegationFigures Delegation,
    IReadOnlyList<CommunityFigures> Communities);
