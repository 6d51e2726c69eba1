namespace Platform.Jurisdiction.Units;

/// <summary>
/// The count of a villagers' or household representatives' meeting, as the Organic Law of the
/// Villagers' Committees needs it: attendance of adults and of households, and the votes.
/// </summary>
/// <param name="EligibleHouseholds">Households of the groups concerned.</param>
/// <param name="AdultVillagers">Villagers aged 18 or over of the groups concerned.</param>
/// <param name="Present">People present at the meeting (the ones whose votes count).</param>
/// <param name="AdultsPresent">Adult villagers among those present.</param>
/// <param name="HouseholdsRepresented">Households with a representative present.</param>
/// <param name="VotesFor">Votes for the merge.</param>
/// <param name="VotesAgainst">Votes against.</param>
[GenerateSerializer, Immutable]
internal sealed record HouseholdVote(
    [property: Id(0)] int EligibleHouseholds,
    [property: Id(1)] int AdultVillagers,
    [property: Id(2)] int Present,
    [property: Id(3)] int AdultsPresent,
    [property: Id(4)] int HouseholdsRepresented,
    [property: Id(5)] int VotesFor,
    [property: Id(6)] int VotesAgainst);
