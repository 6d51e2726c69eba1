using Platform.Abstractions.Commands;
using Platform.Spatial;

namespace Platform.Registers.Compounds;

[GrainType("registers.compound")]
internal sealed class CompoundGrain(EventWriter writer) : Grain, ICompoundGrain
{
    public Task<CommandResult> RegisterAsync(RegisterCompound c, CommandContext context) =>
        writer.WriteAsync<CompoundSummary>(this.GetPrimaryKey(), context, compound =>
        {
            if (compound is not null)
                return Outcome.Refuse(409, "id", "The compound is already registered.", "该小区已登记。");
            if (string.IsNullOrWhiteSpace(c.Name))
                return Outcome.Refuse(400, "name", "The name is required.", "小区名称必填。");
            if (!CompoundKinds.All.ContainsKey(c.Kind))
                return Outcome.Refuse(400, "kind", $"kind is one of {string.Join(", ", CompoundKinds.All.Keys)}.", "小区类型须为 commercial、resettlement、talent 或 village。");
            if (c.Households is < 0 or > MaxCompoundHouseholds)
                return Outcome.Refuse(400, "households", $"Households are between 0 and {MaxCompoundHouseholds}.", $"户数须在 0 至 {MaxCompoundHouseholds} 之间。");
            var events = new List<object> { new CompoundRegistered(c.Name.Trim(), c.Kind, c.GeometryWkt, c.Households, c.PropertyCompany, c.EntrancesWkt, c.Since) };
            var outline = WellKnownText.Read(c.GeometryWkt);
            foreach (var b in c.Buildings)
            {
                if (BuildingProblem(b, outline, c.Name, events.OfType<BuildingAdded>().Select(x => x.Name)) is { } bad)
                    return bad;
                events.Add(new BuildingAdded(Guid.NewGuid(), b.Name.Trim(), b.Floors, b.Households, b.FootprintWkt));
            }
            return Outcome.Append(events).At(outline);
        });

    public Task<CommandResult> AddBuildingAsync(AddBuilding c, CommandContext context) =>
        writer.WriteAsync<CompoundSummary>(this.GetPrimaryKey(), context, compound =>
            compound is null ? Outcome.Refuse(404, "id", "No such compound.", "找不到该小区。")
            : BuildingProblem(c, WellKnownText.Read(compound.GeometryWkt), compound.Name, compound.Buildings.Select(b => b.Name)) is { } bad ? bad
            : Outcome.Append(new BuildingAdded(Guid.NewGuid(), c.Name.Trim(), c.Floors, c.Households, c.FootprintWkt)).At(WellKnownText.Read(c.FootprintWkt)));

    // Far above any real compound (the largest in Chengdu have a few thousand households), low enough that every sum over a street fits an int.
    private const int MaxCompoundHouseholds = 100_000;
    private const int MaxBuildingHouseholds = 10_000;

    private static Rejection? BuildingProblem(AddBuilding c, NetTopologySuite.Geometries.Geometry outline, string compound, IEnumerable<string> existing)
    {
        if (string.IsNullOrWhiteSpace(c.Name))
            return new Rejection(400, "name", "The building's name is required.", "楼栋名称必填。");
        if (c.Floors is < 1 or > 200)
            return new Rejection(400, "floors", "Floors must be between 1 and 200.", "层数须在 1 至 200 之间。");
        if (c.Households is < 0 or > MaxBuildingHouseholds)
            return new Rejection(400, "households", $"A building's households are between 0 and {MaxBuildingHouseholds}.", $"楼栋户数须在 0 至 {MaxBuildingHouseholds} 之间。");
        if (existing.Contains(c.Name.Trim()))
            return new Rejection(409, "name", $"{compound} already has a building {c.Name}.", $"{compound}已有楼栋“{c.Name}”。");
        var outside = WellKnownText.Read(c.FootprintWkt).Difference(outline);
        if (outside.IsEmpty || GeometryMeasurement.AreaSquareMetres(outside) <= 1)
            return null;
        var at = GeometryMeasurement.InteriorPoint(outside);
        return new Rejection(409, "geometry", $"The building lies partly outside {compound}.", $"楼栋部分位于{compound}范围之外。") { Location = [at.X, at.Y] };
    }
}
