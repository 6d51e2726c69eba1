using Platform.Abstractions.Registers;

namespace Platform.Plugins.Service.LifeCircles;

/// <summary>
/// One level of the community life circle: the facility categories it requires and the walking distance
/// within which each must be found. <see cref="Minutes"/> is 15, 10, 5, or 0 for the residential block (居住街坊).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record LifeCircleLevel(
    [property: Id(0)] int Minutes,
    [property: Id(1)] string NameZh,
    [property: Id(2)] string NameEn,
    [property: Id(3)] double WalkMetres,
    [property: Id(4)] string[] Categories);

/// <summary>
/// The parameters of the coverage analysis, shipped with the values of GB 50180-2018 (城市居住区规划设计标准)
/// and adjustable by an administrator: per level the walking distance and required categories; how walking
/// distance is measured (<c>road-network</c>: along the road layer for places within <paramref name="MaxSnapMetres"/>
/// of a road; <c>straight-line</c>: never along roads); and the detour factor that turns straight-line distance into
/// walking distance wherever the road network is not used.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record LifeCircleStandard(
    [property: Id(0)] LifeCircleLevel[] Levels,
    [property: Id(1)] double DetourFactor,
    [property: Id(2)] string DistanceMethod = "road-network",
    [property: Id(3)] double MaxSnapMetres = 300)
{
    /// <summary>
    /// GB 50180-2018 §2.0.2–2.0.5 and Appendix B: 15-minute circle 800–1000 m walk (1000 m used), 10-minute
    /// 500 m, 5-minute 300 m; the residential block's facilities within the block (150 m used). The detour
    /// factor 1.3 is a common planning assumption for walking routes in a grid of blocks. Places up to 300 m from
    /// a road (about two block depths) walk along the roads.
    /// </summary>
    public static LifeCircleStandard Default { get; } = new(
    [
        Level(15, "15分钟生活圈", "15-minute circle", 1000),
        Level(10, "10分钟生活圈", "10-minute circle", 500),
        Level(5, "5分钟生活圈", "5-minute circle", 300),
        Level(0, "居住街坊", "Residential block", 150),
    ], 1.3);

    private static LifeCircleLevel Level(int minutes, string zh, string en, double metres) =>
        new(minutes, zh, en, metres, FacilityCategories.All.Where(c => c.Kind == FacilityCategories.Public && c.CircleLevel == minutes).Select(c => c.Code).ToArray());

    /// <summary>Levels from the smallest (the block) to the largest (15 minutes).</summary>
    public IEnumerable<LifeCircleLevel> Ascending => Levels.OrderBy(l => l.Minutes);
}
