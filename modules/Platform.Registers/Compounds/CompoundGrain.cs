using Marten;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Commands;
using Platform.Registers.Shared;
using Platform.Spatial;

namespace Platform.Registers.Compounds;

[GrainType("registers.compound")]
internal sealed class CompoundGrain(EventWriter writer, IDocumentStore store) : Grain, ICompoundGrain
{
    private Guid Id => this.GetPrimaryKey();

    public Task<CommandResult> RegisterAsync(RegisterCompound c, CommandContext context) =>
        PlacedAsync(context, async compound =>
        {
            if (compound is not null)
                return Outcome.Refuse(409, "id", "The compound is already registered.", "该小区已登记。");
            if (DetailsProblem(c.Name, c.Kind, c.Households) is { } invalid)
                return invalid;
            var events = new List<object> { new CompoundRegistered(c.Name.Trim(), c.Kind, c.GeometryWkt, c.Households, c.PropertyCompany, c.EntrancesWkt, c.Since) };
            var outline = WellKnownText.Read(c.GeometryWkt);
            foreach (var b in c.Buildings)
            {
                if (BuildingProblem(b, outline, c.Name, events.OfType<BuildingAdded>().Select(x => x.Name)) is { } bad)
                    return bad;
                events.Add(new BuildingAdded(Guid.NewGuid(), b.Name.Trim(), b.Floors, b.Households, b.FootprintWkt));
            }
            if (await CompoundsMustNotOverlapRule.CheckAsync(outline, Id, store) is { } overlap)
                return overlap;
            return Outcome.Append(events).At(outline);
        });

    public Task<CommandResult> AddBuildingAsync(AddBuilding c, CommandContext context) =>
        writer.WriteAsync<CompoundSummary>(Id, context, compound =>
            compound is null ? NotFound()
            : compound.RetiredOn is { } retired ? RecordEdits.Retired("compound", "小区", retired)
            : BuildingProblem(c, WellKnownText.Read(compound.GeometryWkt), compound.Name, compound.Buildings.Select(b => b.Name)) is { } bad ? bad
            : Outcome.Append(new BuildingAdded(Guid.NewGuid(), c.Name.Trim(), c.Floors, c.Households, c.FootprintWkt)).At(WellKnownText.Read(c.FootprintWkt)));

    public Task<CommandResult> ReviseAsync(ReviseCompound c, CommandContext context) =>
        writer.WriteAsync<CompoundSummary>(Id, context, compound =>
        {
            if (compound is null)
                return NotFound();
            if (compound.RetiredOn is { } retired)
                return RecordEdits.Retired("compound", "小区", retired);
            var revised = new CompoundDetailsRevised((c.Name ?? compound.Name).Trim(), c.Kind ?? compound.Kind, c.Households ?? compound.Households,
                c.PropertyCompany is null ? compound.PropertyCompany : c.PropertyCompany.Trim() is { Length: > 0 } company ? company : null);
            if (DetailsProblem(revised.Name, revised.Kind, revised.Households) is { } invalid)
                return invalid;
            return revised == new CompoundDetailsRevised(compound.Name, compound.Kind, compound.Households, compound.PropertyCompany)
                ? Outcome.Unchanged : Outcome.Append(revised);
        });

    public Task<CommandResult> ReshapeAsync(ReshapeCompound c, CommandContext context) =>
        PlacedAsync(context, async compound =>
        {
            if (compound is null)
                return NotFound();
            if (compound.RetiredOn is { } retired)
                return RecordEdits.Retired("compound", "小区", retired);
            var outline = WellKnownText.Read(c.GeometryWkt);
            if (outline is not (Polygon or MultiPolygon))
                return Outcome.Refuse(400, "geometry", "A compound's boundary is a Polygon or MultiPolygon.", "小区范围须为面。");
            // The buildings stay where they are: a boundary that leaves one of them outside is refused, naming it.
            foreach (var b in compound.Buildings)
            {
                var outside = WellKnownText.Read(b.FootprintWkt).Difference(outline);
                if (!outside.IsEmpty && GeometryMeasurement.AreaSquareMetres(outside) > 1)
                {
                    var at = GeometryMeasurement.InteriorPoint(outside);
                    return new Rejection(409, "geometry", $"The new boundary leaves building {b.Name} outside {compound.Name}.", $"新的范围使楼栋“{b.Name}”位于{compound.Name}之外。")
                    { Location = [at.X, at.Y] };
                }
            }
            if (await CompoundsMustNotOverlapRule.CheckAsync(outline, Id, store) is { } overlap)
                return overlap;
            return Outcome.Append(new CompoundReshaped(c.GeometryWkt, c.EntrancesWkt)).At(outline);
        });

    public Task<CommandResult> RetireAsync(RetireRecord c, CommandContext context) =>
        writer.WriteAsync<CompoundSummary>(Id, context, compound =>
            compound is null ? NotFound()
            : compound.RetiredOn is { } retired ? RecordEdits.Retired("compound", "小区", retired)
            : Outcome.Append(new CompoundRetired(c.Reason.Trim(), c.On)));

    // Far above any real compound (the largest in Chengdu have a few thousand households), low enough that every sum over a street fits an int.
    private const int MaxCompoundHouseholds = 100_000;
    private const int MaxBuildingHouseholds = 10_000;

    private static Outcome NotFound() => Outcome.Refuse(404, "id", "No such compound.", "找不到该小区。");

    private static Rejection? DetailsProblem(string name, string kind, int households)
    {
        if (string.IsNullOrWhiteSpace(name))
            return new Rejection(400, "name", "The name is required.", "小区名称必填。");
        if (name.Trim().Length > 100)
            return new Rejection(400, "name", "The name is at most 100 characters.", "小区名称不超过 100 个字符。");
        if (!CompoundKinds.All.ContainsKey(kind))
            return new Rejection(400, "kind", $"kind is one of {string.Join(", ", CompoundKinds.All.Keys)}.", "小区类型须为 commercial、resettlement、talent 或 village。");
        if (households is < 0 or > MaxCompoundHouseholds)
            return new Rejection(400, "households", $"Households are between 0 and {MaxCompoundHouseholds}.", $"户数须在 0 至 {MaxCompoundHouseholds} 之间。");
        return null;
    }

    /// <summary>Checks the placement and appends as one step among all compounds (see <see cref="CompoundsMustNotOverlapRule"/>).</summary>
    private async Task<CommandResult> PlacedAsync(CommandContext context, Func<CompoundSummary?, Task<Outcome>> decide)
    {
        await using var _ = await PlacementLock.HoldAsync(store, CompoundsMustNotOverlapRule.AdvisoryLockKey);
        return await writer.WriteAsync(Id, context, decide);
    }

    private static Rejection? BuildingProblem(AddBuilding c, Geometry outline, string compound, IEnumerable<string> existing)
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
