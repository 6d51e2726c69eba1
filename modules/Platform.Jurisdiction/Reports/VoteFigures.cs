namespace Platform.Jurisdiction.Reports;

/// <summary>A household representatives' meeting (户代表会议) on merging resident groups; counts only, no household is named.</summary>
internal sealed record VoteFigures(DateOnly Date, string Groups, int EligibleHouseholds, int HouseholdsRepresented, int VotesFor, int VotesAgainst, bool Passed, string Finding, string Decision);
