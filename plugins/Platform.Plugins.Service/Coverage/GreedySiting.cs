using Platform.Plugins.Service.LifeCircles;

namespace Platform.Plugins.Service.Coverage;

/// <summary>A chosen location and the households it newly brings within reach.</summary>
public sealed record SitingChoice(int Rank, string Candidate, double Lon, double Lat, int HouseholdsGained, IReadOnlyList<string> CompoundsGained);

public sealed record SitingCandidate(string Name, double Lon, double Lat);

/// <summary>
/// Greedy maximal coverage: for a facility category, repeatedly picks the candidate that brings the most
/// not-yet-served households within the category's walking distance, k times (the standard (1 − 1/e)
/// approximation of the maximal covering location problem). Walks are measured as for coverage
/// (<see cref="WalkingDistances"/>: along the roads where both ends lie near one).
/// </summary>
public static class GreedySiting
{
    public static IReadOnlyList<SitingChoice> Choose(
        string category, int k, IReadOnlyList<SitingCandidate> candidates, IReadOnlyList<CompoundCoverage> coverage, WalkingDistances distances)
    {
        var standard = distances.Standard;
        var level = standard.Levels.FirstOrDefault(l => l.Categories.Contains(category))
            ?? throw new ArgumentException($"No life-circle level requires '{category}'.", nameof(category));
        // Households not served yet: compounds missing the category at its level.
        var unserved = coverage.Where(c => c.Levels.Single(l => l.Minutes == level.Minutes).Missing.Contains(category)).ToList();
        var remaining = candidates.Select(c => (Candidate: c, Reach: distances.From(c.Lon, c.Lat, level.WalkMetres))).ToList();
        var choices = new List<SitingChoice>();
        for (var rank = 1; rank <= k && remaining.Count > 0 && unserved.Count > 0; rank++)
        {
            var best = remaining
                .Select(r => (r.Candidate, entry: r, gained: unserved.Where(c => r.Reach.To(c.Lon, c.Lat) is not null).ToList()))
                .OrderByDescending(x => x.gained.Sum(c => c.Households))
                .ThenBy(x => x.Candidate.Name, StringComparer.Ordinal)
                .First();
            if (best.gained.Count == 0)
                break;
            choices.Add(new SitingChoice(rank, best.Candidate.Name, best.Candidate.Lon, best.Candidate.Lat, best.gained.Sum(c => c.Households), best.gained.Select(c => c.Name).ToList()));
            remaining.Remove(best.entry);
            unserved = unserved.Except(best.gained).ToList();
        }
        return choices;
    }
}
