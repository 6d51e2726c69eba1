using Marten;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Registers;
using Platform.Registers.Compounds;
using Platform.Spatial;

namespace Platform.Registers.Facilities;

internal sealed class FacilityGrain(IDocumentStore store) : Grain, IFacilityGrain
{
    private FacilitySummary? _facility;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await using var query = store.QuerySession();
        _facility = await query.LoadAsync<FacilitySummary>(this.GetPrimaryKey(), cancellationToken);
    }

    public async Task<CommandResult> RegisterAsync(RegisterFacility c, CommandContext context)
    {
        if (_facility is not null)
            return CommandResult.Refused(409, "id", "The facility is already registered.", "该设施已登记。");
        if (string.IsNullOrWhiteSpace(c.Name))
            return CommandResult.Refused(400, "name", "The name is required.", "设施名称必填。");
        if (FacilityCategories.Find(c.Category) is null)
            return CommandResult.Refused(400, "category", $"Unknown category '{c.Category}'; see GET /api/facilities/categories.", "未知的设施类别，见 /api/facilities/categories。");
        if (WellKnownText.Read(c.GeometryWkt) is not Point)
            return CommandResult.Refused(400, "geometry", "A facility is located by a Point.", "设施位置须为点。");
        await using var session = store.LightweightSession();
        session.AttributeTo(context);
        session.Events.StartStream<FacilitySummary>(this.GetPrimaryKey(), new FacilityRegistered(c.Name.Trim(), c.Category, c.GeometryWkt, c.OpenedOn, c.HubId));
        await session.SaveChangesAsync();
        _facility = await session.LoadAsync<FacilitySummary>(this.GetPrimaryKey());
        return CommandResult.Ok(_facility!.Version);
    }

    public async Task<CommandResult> CloseAsync(CloseFacility c, CommandContext context)
    {
        if (_facility is null)
            return CommandResult.Refused(404, "id", "No such facility.", "找不到该设施。");
        if (_facility.ClosedOn is not null)
            return CommandResult.Refused(409, "id", $"The facility closed on {_facility.ClosedOn:yyyy-MM-dd}.", "该设施已关闭。");
        if (c.ClosedOn < _facility.OpenedOn)
            return CommandResult.Refused(400, "closedOn", "A facility cannot close before it opened.", "关闭日期不能早于开放日期。");
        await using var session = store.LightweightSession();
        session.AttributeTo(context);
        session.Events.Append(this.GetPrimaryKey(), _facility.Version + 1, new FacilityClosed(c.ClosedOn, c.Reason));
        await session.SaveChangesAsync();
        _facility = await session.LoadAsync<FacilitySummary>(this.GetPrimaryKey());
        return CommandResult.Ok(_facility!.Version);
    }
}

internal sealed class ServiceHubGrain(IDocumentStore store) : Grain, IServiceHubGrain
{
    public async Task<CommandResult> RegisterAsync(RegisterServiceHub c, CommandContext context)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<ServiceHubSummary>(this.GetPrimaryKey()) is not null)
            return CommandResult.Refused(409, "id", "The hub is already registered.", "该综合体已登记。");
        if (string.IsNullOrWhiteSpace(c.Name))
            return CommandResult.Refused(400, "name", "The name is required.", "名称必填。");
        if (c.Spaces.Length == 0)
            return CommandResult.Refused(400, "spaces", "A hub has at least one function space.", "综合体须至少有一个功能空间。");
        if (c.Spaces.FirstOrDefault(s => FacilityCategories.Find(s.Category) is null) is { } bad)
            return CommandResult.Refused(400, "spaces", $"Unknown category '{bad.Category}' of space {bad.Name}.", $"功能空间“{bad.Name}”的类别未知。");
        var compounds = await session.LoadManyAsync<CompoundSummary>(c.ServedCompoundIds);
        if (compounds.Count != c.ServedCompoundIds.Distinct().Count())
            return CommandResult.Refused(400, "servedCompoundIds", "Some served compounds are not registered.", "所服务的小区中有未登记的小区。");
        if (c.Spaces.FirstOrDefault(s => string.IsNullOrWhiteSpace(s.Name)) is not null)
            return CommandResult.Refused(400, "spaces", "Every function space has a name.", "每个功能空间须有名称。");
        if (WellKnownText.Read(c.GeometryWkt) is not Point)
            return CommandResult.Refused(400, "geometry", "A hub is located by a Point.", "综合体位置须为点。");
        session.AttributeTo(context);
        session.Events.StartStream<ServiceHubSummary>(this.GetPrimaryKey(), new ServiceHubRegistered(c.Name.Trim(), c.GeometryWkt, c.Spaces, c.ServedCompoundIds, c.OpenedOn));
        // Each function space is also a facility at the hub's location, so coverage analysis counts it. Their streams
        // are new (fresh ids, no grain writes them yet) and start in the hub's transaction: all of it, or nothing.
        foreach (var space in c.Spaces)
        {
            session.Events.StartStream<FacilitySummary>(Guid.NewGuid(),
                new FacilityRegistered($"{c.Name.Trim()}·{space.Name.Trim()}", space.Category, c.GeometryWkt, c.OpenedOn, this.GetPrimaryKey()));
        }
        await session.SaveChangesAsync();
        return CommandResult.Ok(1);
    }
}
