using Platform.Campaigns.Figures;
using Platform.Campaigns.Households;

namespace Platform.Campaigns.Campaigns;

/// <summary>
/// Coverage of one target: households whose visit was completed (outcome visited, at least once) over the households of the
/// register. A household found nobody home and then visited counts once, as completed.
/// </summary>
public sealed record CoverageRow(Guid RegisterId, string Kind, string Name, string? Village, string? Community, double[] Location,
    int TargetHouseholds, int Completed, int NobodyHome, int Refused, int NotYetVisited, double Coverage, string Percent);

/// <summary>A campaign's coverage per target and in all.</summary>
public sealed record CampaignCoverageAnswer(Guid CampaignId, string Name, int TargetHouseholds, int Completed, double Coverage, string Percent, List<CoverageRow> Targets);

internal static class CampaignCoverage
{
    public static CampaignCoverageAnswer Of(Campaign campaign, IReadOnlyDictionary<Guid, HouseholdRegister> registers)
    {
        var latest = campaign.Visits.GroupBy(v => v.HouseholdId).ToDictionary(g => g.Key, g => g.ToList());
        var rows = new List<CoverageRow>();
        foreach (var target in campaign.Targets)
        {
            if (!registers.TryGetValue(target.RegisterId, out var register))
                continue;
            int completed = 0, nobody = 0, refused = 0, none = 0;
            foreach (var h in register.Households)
            {
                if (!latest.TryGetValue(h.Id, out var visits))
                    none++;
                else if (visits.Any(v => v.Outcome == VisitOutcomes.Visited))
                    completed++;
                else if (visits.OrderBy(v => v.At).Last().Outcome == VisitOutcomes.Refused)
                    refused++;
                else
                    nobody++;
            }
            var share = register.Households.Count == 0 ? 0 : (double)completed / register.Households.Count;
            rows.Add(new CoverageRow(register.Id, register.Kind, register.Name, register.Village, register.CommunityName, [register.Lon, register.Lat],
                register.Households.Count, completed, nobody, refused, none, Math.Round(share, 4), Percentages.Of(Math.Round(share, 4))));
        }
        var targets = rows.Sum(r => r.TargetHouseholds);
        var done = rows.Sum(r => r.Completed);
        var all = targets == 0 ? 0 : Math.Round((double)done / targets, 4);
        return new CampaignCoverageAnswer(campaign.Id, campaign.Name, targets, done, all, Percentages.Of(all), rows);
    }
}
