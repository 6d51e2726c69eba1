using Marten;
using Platform.Abstractions.Commands;
using Platform.Spatial;

namespace Platform.Registers.Compounds;

internal sealed class CompoundGrain(IDocumentStore store) : Grain, ICompoundGrain
{
    private CompoundSummary? _compound;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await using var query = store.QuerySession();
        _compound = await query.LoadAsync<CompoundSummary>(this.GetPrimaryKey(), cancellationToken);
    }

    public async Task<CommandResult> RegisterAsync(RegisterCompound c, CommandContext context)
    {
        if (_compound is not null)
            return CommandResult.Refused(409, "id", "The compound is already registered.", "该小区已登记。");
        if (string.IsNullOrWhiteSpace(c.Name))
            return CommandResult.Refused(400, "name", "The name is required.", "小区名称必填。");
        if (!CompoundKinds.All.ContainsKey(c.Kind))
            return CommandResult.Refused(400, "kind", $"kind is one of {string.Join(", ", CompoundKinds.All.Keys)}.", "小区类型须为 commercial、resettlement、talent 或 village。");
        if (c.Households < 0)
            return CommandResult.Refused(400, "households", "Households cannot be negative.", "户数不能为负。");
        return await AppendAsync(context, new CompoundRegistered(c.Name.Trim(), c.Kind, c.GeometryWkt, c.Households, c.PropertyCompany, c.EntrancesWkt, c.Since));
    }

    public async Task<CommandResult> AddBuildingAsync(AddBuilding c, CommandContext context)
    {
        if (_compound is null)
            return CommandResult.Refused(404, "id", "No such compound.", "找不到该小区。");
        if (string.IsNullOrWhiteSpace(c.Name))
            return CommandResult.Refused(400, "name", "The building's name is required.", "楼栋名称必填。");
        if (c.Floors is < 1 or > 200)
            return CommandResult.Refused(400, "floors", "Floors must be between 1 and 200.", "层数须在 1 至 200 之间。");
        if (c.Households < 0)
            return CommandResult.Refused(400, "households", "Households cannot be negative.", "户数不能为负。");
        if (_compound.Buildings.Any(b => b.Name == c.Name.Trim()))
            return CommandResult.Refused(409, "name", $"{_compound.Name} already has a building {c.Name}.", $"{_compound.Name}已有楼栋“{c.Name}”。");
        var footprint = WellKnownText.Read(c.FootprintWkt);
        var outside = footprint.Difference(WellKnownText.Read(_compound.GeometryWkt));
        if (!outside.IsEmpty && GeometryMeasurement.AreaSquareMetres(outside) > 1)
        {
            var at = GeometryMeasurement.InteriorPoint(outside);
            return new CommandResult(new Rejection(409, "geometry", $"The building lies partly outside {_compound.Name}.", $"楼栋部分位于{_compound.Name}范围之外。")
            { Location = [at.X, at.Y] }, 0);
        }
        return await AppendAsync(context, new BuildingAdded(Guid.NewGuid(), c.Name.Trim(), c.Floors, c.Households, c.FootprintWkt));
    }

    private async Task<CommandResult> AppendAsync(CommandContext context, object e)
    {
        var id = this.GetPrimaryKey();
        await using var session = store.LightweightSession();
        session.AttributeTo(context);
        if (_compound is null)
            session.Events.StartStream<CompoundSummary>(id, e);
        else
            session.Events.Append(id, _compound.Version + 1, e);
        await session.SaveChangesAsync();
        _compound = await session.LoadAsync<CompoundSummary>(id);
        return CommandResult.Ok(_compound!.Version);
    }
}
