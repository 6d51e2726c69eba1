using Platform.Abstractions.Registers;
using Platform.Plugins.Service.LifeCircles;
using Platform.Spatial;

namespace Platform.Plugins.Service.Coverage;

/// <summary>What a compound can reach at one level of the life circle.</summary>
public sealed record LevelCoverage(
    int Minutes, string NameZh, double WalkMetres, bool Satisfied,
    IReadOnlyList<ReachedCategory> Reached, IReadOnlyList<string> Missing);

/// <summary>
/// The nearest facility of a required category within reach, its walking distance (m), and whether that walk
/// went along the road layer (<c>road-network</c>) or was the straight line times the detour factor.
/// </summary>
public sealed record ReachedCategory(string Category, string Facility, double WalkMetres, string Method);

/// <summary>A compound's coverage; <paramref name="DistanceMethod"/> says whether it lies near enough to a road to walk along the roads.</summary>
public sealed record CompoundCoverage(
    Guid Id, string Name, string? Community, int Households, double Lon, double Lat,
    IReadOnlyList<LevelCoverage> Levels, int MissingCount, string DistanceMethod);

public sealed record CommunityCoverage(string Community, int Compounds, int Households, IReadOnlyDictionary<string, int> HouseholdsSatisfied, IReadOnlyDictionary<string, double> ShareSatisfied);

/// <summary>
/// Coverage by life circle (GB 50180-2018). Walking distance is measured by <see cref="WalkingDistances"/>: along
/// the road layer where both ends lie near a road, else the straight-line distance in the local Gauss–Krüger zone
/// times the standard's detour factor. The levels do not nest: a compound satisfies a
/// level only if it reaches every category of that level within that level's distance <em>and</em>
/// satisfies every smaller level — a 15-minute facility never stands in for a 5-minute one.
/// </summary>
public static class CoverageCalculator
{
    public static IReadOnlyList<CompoundCoverage> Compute(IReadOnlyList<CompoundInfo> compounds, IReadOnlyList<FacilityInfo> facilities, WalkingDistances distances)
    {
        var standard = distances.Standard;
        var byCategory = facilities.GroupBy(f => f.Category).ToDictionary(g => g.Key, g => g.ToList());
        var furthest = standard.Levels.Select(l => l.WalkMetres).DefaultIfEmpty(0).Max();
        var result = new List<CompoundCoverage>();
        foreach (var c in compounds)
        {
            var from = distances.From(c.Lon, c.Lat, furthest);
            var levels = new List<LevelCoverage>();
            var lowerSatisfied = true;
            foreach (var level in standard.Ascending)
            {
                var reached = new List<ReachedCategory>();
                var missing = new List<string>();
                foreach (var category in level.Categories)
                {
                    (FacilityInfo Facility, Walk Walk)? nearest = null;
                    foreach (var f in byCategory.GetValueOrDefault(category) ?? [])
                    {
                        if (from.To(f.Lon, f.Lat) is { } walk && walk.Metres <= level.WalkMetres && (nearest is null || walk.Metres < nearest.Value.Walk.Metres))
                            nearest = (f, walk);
                    }
                    if (nearest is { } n)
                        reached.Add(new ReachedCategory(category, n.Facility.Name, Math.Round(n.Walk.Metres, 1), n.Walk.Method));
                    else
                        missing.Add(category);
                }
                var satisfied = missing.Count == 0 && lowerSatisfied;
                levels.Add(new LevelCoverage(level.Minutes, level.NameZh, level.WalkMetres, satisfied, reached, missing));
                lowerSatisfied = satisfied;
            }
            levels.Reverse();
            result.Add(new CompoundCoverage(c.Id, c.Name, c.CommunityName, c.Households, c.Lon, c.Lat, levels, levels.Sum(l => l.Missing.Count),
                distances.MethodAt(c.Lon, c.Lat)));
        }
        return result;
    }

    public static IReadOnlyList<CommunityCoverage> ByCommunity(IReadOnlyList<CompoundCoverage> compounds) =>
        compounds.GroupBy(c => c.Community ?? "（辖区外）").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var households = g.Sum(c => c.Households);
            var satisfied = g.First().Levels.Select(l => l.Minutes).ToDictionary(
                m => Key(m),
                m => g.Where(c => c.Levels.Single(l => l.Minutes == m).Satisfied).Sum(c => c.Households));
            return new CommunityCoverage(g.Key, g.Count(), households, satisfied,
                satisfied.ToDictionary(kv => kv.Key, kv => households == 0 ? 0 : Math.Round((double)kv.Value / households, 4)));
        }).ToList();

    /// <summary>
    /// How the distances of a computation were measured: <c>road-network</c> when every compound walked along the
    /// roads, <c>straight-line</c> when none did, <c>mixed</c> otherwise.
    /// </summary>
    public static string MethodOf(IReadOnlyList<CompoundCoverage> compounds) =>
        compounds.Count > 0 && compounds.All(c => c.DistanceMethod == WalkingDistances.RoadNetwork) ? WalkingDistances.RoadNetwork
        : compounds.Any(c => c.DistanceMethod == WalkingDistances.RoadNetwork) ? "mixed"
        : WalkingDistances.StraightLine;

    /// <summary>Walking distance in metres under the detour assumption.</summary>
    public static double StraightWalk(double lon1, double lat1, double lon2, double lat2, double detour) =>
        GeometryMeasurement.DistanceMetres(lon1, lat1, lon2, lat2) * detour;

    private static string Key(int minutes) => minutes == 0 ? "block" : $"{minutes}min";
}
