using Platform.Abstractions.Commands;
using Platform.Abstractions.Registers;

namespace Platform.Plugins.Service.LifeCircles;

[GrainType("service.standard")]
internal sealed class StandardGrain(EventWriter writer) : Grain, IStandardGrain
{
    /// <summary>The stream holding every adjustment, for the history.</summary>
    public static readonly Guid Stream = new("5e7c1ce0-0000-4000-8000-000000000015");

    public Task<CommandResult> AdjustAsync(LifeCircleStandard standard, CommandContext context) =>
        writer.WriteAsync<StandardInForce>(Stream, context, _ => Decide(standard));

    private static Outcome Decide(LifeCircleStandard standard)
    {
        if (standard.DetourFactor is < 1 or > 3 || !double.IsFinite(standard.DetourFactor))
            return Outcome.Refuse(400, "detourFactor", "The detour factor is between 1 and 3.", "绕行系数须在 1 至 3 之间。");
        if (standard.DistanceMethod is not ("road-network" or "straight-line"))
            return Outcome.Refuse(400, "distanceMethod", "distanceMethod is road-network (along the road layer where a place lies near a road) or straight-line.", "距离计算方式须为 road-network（沿路网）或 straight-line（直线×绕行系数）。");
        if (standard.MaxSnapMetres is <= 0 or > 1000 || !double.IsFinite(standard.MaxSnapMetres))
            return Outcome.Refuse(400, "maxSnapMetres", "maxSnapMetres (how far from a road a place may lie to walk along the roads) is between 0 and 1000 m.", "接入路网的最大距离须在 0 至 1000 米之间。");
        if (standard.Levels.Length == 0 || standard.Levels.Select(l => l.Minutes).Distinct().Count() != standard.Levels.Length)
            return Outcome.Refuse(400, "levels", "Give each level (15, 10, 5, 0) once.", "每个生活圈层级只能出现一次。");
        foreach (var level in standard.Levels)
        {
            if (level.Minutes is not (15 or 10 or 5 or 0))
                return Outcome.Refuse(400, "levels.minutes", "Levels are 15, 10, 5 and 0 (the block).", "层级须为 15、10、5 或 0（居住街坊）。");
            if (level.WalkMetres is <= 0 or > 5000 || !double.IsFinite(level.WalkMetres))
                return Outcome.Refuse(400, "levels.walkMetres", "Walking distance is between 0 and 5000 m.", "步行距离须在 0 至 5000 米之间。");
            if (level.Categories.FirstOrDefault(c => FacilityCategories.Find(c) is null) is { } unknown)
                return Outcome.Refuse(400, "levels.categories", $"Unknown facility category '{unknown}'.", $"未知的设施类别“{unknown}”。");
        }
        return Outcome.Append(new StandardAdjusted(standard));
    }
}
