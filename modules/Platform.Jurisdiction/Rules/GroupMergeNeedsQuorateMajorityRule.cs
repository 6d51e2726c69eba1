using System.Globalization;
using Platform.Jurisdiction.Units;

namespace Platform.Jurisdiction.Rules;

/// <summary>
/// 村民委员会组织法 第二十二条: a meeting is quorate with more than half of the adult villagers, or
/// representatives of at least two thirds of the households; its decision needs more than half of
/// those present. A merge of resident groups goes ahead only on a vote that passes both.
/// </summary>
internal static class GroupMergeNeedsQuorateMajorityRule
{
    public sealed record Verdict(bool Passed, string Finding, string FindingZh);

    /// <summary>Null when the count is consistent; otherwise the field at fault and why.</summary>
    public static (string Field, string Reason, string ReasonZh)? Inconsistency(HouseholdVote v)
    {
        if (v.EligibleHouseholds <= 0)
            return ("vote.eligibleHouseholds", "There must be at least one eligible household.", "应有至少一户。");
        if (v.AdultVillagers <= 0)
            return ("vote.adultVillagers", "There must be at least one adult villager.", "应有至少一名十八周岁以上村民。");
        if (v.Present < 0 || v.AdultsPresent < 0 || v.HouseholdsRepresented < 0 || v.VotesFor < 0 || v.VotesAgainst < 0)
            return ("vote", "Counts cannot be negative.", "人数不能为负。");
        if (v.AdultsPresent > v.AdultVillagers)
            return ("vote.adultsPresent", "More adults present than adult villagers.", "到会成年村民多于成年村民总数。");
        if (v.AdultsPresent > v.Present)
            return ("vote.adultsPresent", "More adults present than people present.", "到会成年村民多于到会人数。");
        if (v.HouseholdsRepresented > v.EligibleHouseholds)
            return ("vote.householdsRepresented", "More households represented than eligible households.", "到会户代表多于总户数。");
        if (v.VotesFor + v.VotesAgainst > v.Present)
            return ("vote.votesFor", "More votes than people present.", "票数多于到会人数。");
        return null;
    }

    public static Verdict Judge(HouseholdVote v)
    {
        var byAdults = v.AdultsPresent * 2 > v.AdultVillagers;
        var byHouseholds = v.HouseholdsRepresented * 3 >= v.EligibleHouseholds * 2;
        var ci = CultureInfo.InvariantCulture;
        if (!byAdults && !byHouseholds)
        {
            return new Verdict(false,
                string.Format(ci, "Not quorate: {0} of {1} adult villagers (needs more than half) and {2} of {3} households (needs two thirds) present.",
                    v.AdultsPresent, v.AdultVillagers, v.HouseholdsRepresented, v.EligibleHouseholds),
                string.Format(ci, "会议未达法定人数：到会成年村民 {0}/{1}（须过半数），到会户代表 {2}/{3}（须三分之二以上）。",
                    v.AdultsPresent, v.AdultVillagers, v.HouseholdsRepresented, v.EligibleHouseholds));
        }
        if (v.VotesFor * 2 <= v.Present)
        {
            return new Verdict(false,
                string.Format(ci, "Rejected: {0} votes for out of {1} present (needs more than half).", v.VotesFor, v.Present),
                string.Format(ci, "表决未通过：赞成 {0} 票，到会 {1} 人（须过半数）。", v.VotesFor, v.Present));
        }
        return new Verdict(true,
            string.Format(ci, "Passed: quorate ({0}), {1} for and {2} against of {3} present.",
                byHouseholds ? "households" : "adults", v.VotesFor, v.VotesAgainst, v.Present),
            string.Format(ci, "表决通过：会议有效（{0}），到会 {1} 人，赞成 {2} 票，反对 {3} 票。",
                byHouseholds ? "到会户代表达三分之二以上" : "到会成年村民过半数", v.Present, v.VotesFor, v.VotesAgainst));
    }
}
