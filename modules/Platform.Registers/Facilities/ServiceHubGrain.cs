using Marten;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Registers;
using Platform.Registers.Compounds;
using Platform.Registers.Shared;
using Platform.Spatial;

namespace Platform.Registers.Facilities;

[GrainType("registers.service_hub")]
internal sealed class ServiceHubGrain(EventWriter writer, IDocumentStore store) : Grain, IServiceHubGrain
{
    public Task<CommandResult> RegisterAsync(RegisterServiceHub c, CommandContext context) =>
        writer.WriteAsync<ServiceHubSummary>(this.GetPrimaryKey(), context, async hub =>
        {
            if (hub is not null)
                return Outcome.Refuse(409, "id", "The hub is already registered.", "该综合体已登记。");
            if (string.IsNullOrWhiteSpace(c.Name))
                return Outcome.Refuse(400, "name", "The name is required.", "名称必填。");
            if (c.Spaces.Length == 0)
                return Outcome.Refuse(400, "spaces", "A hub has at least one function space.", "综合体须至少有一个功能空间。");
            if (c.Spaces.FirstOrDefault(s => FacilityCategories.Find(s.Category) is null) is { } bad)
                return Outcome.Refuse(400, "spaces", $"Unknown category '{bad.Category}' of space {bad.Name}.", $"功能空间“{bad.Name}”的类别未知。");
            if (c.Spaces.FirstOrDefault(s => string.IsNullOrWhiteSpace(s.Name)) is not null)
                return Outcome.Refuse(400, "spaces", "Every function space has a name.", "每个功能空间须有名称。");
            await using (var query = store.QuerySession())
            {
                var compounds = await query.LoadManyAsync<CompoundSummary>(c.ServedCompoundIds);
                if (compounds.Count != c.ServedCompoundIds.Distinct().Count())
                    return Outcome.Refuse(400, "servedCompoundIds", "Some served compounds are not registered.", "所服务的小区中有未登记的小区。");
            }
            if (WellKnownText.Read(c.GeometryWkt) is not Point point)
                return Outcome.Refuse(400, "geometry", "A hub is located by a Point.", "综合体位置须为点。");
            var outcome = Outcome.Append(new ServiceHubRegistered(c.Name.Trim(), c.GeometryWkt, c.Spaces, c.ServedCompoundIds, c.OpenedOn)).At(point);
            // Each function space is also a facility at the hub's location, so coverage analysis counts it. Their
            // streams are new and start in the hub's transaction: all of it, or nothing.
            foreach (var space in c.Spaces)
            {
                outcome.AlsoStart<FacilitySummary>(Guid.NewGuid(),
                    new FacilityRegistered($"{c.Name.Trim()}·{space.Name.Trim()}", space.Category, c.GeometryWkt, c.OpenedOn, this.GetPrimaryKey()));
            }
            return outcome;
        });

    public Task<CommandResult> ReviseAsync(ReviseServiceHub c, CommandContext context) =>
        writer.WriteAsync<ServiceHubSummary>(this.GetPrimaryKey(), context, async hub =>
        {
            if (hub is null)
                return NotFound();
            if (hub.RetiredOn is { } retired)
                return RecordEdits.Retired("hub", "综合体", retired);
            var name = (c.Name ?? hub.Name).Trim();
            if (name.Length is 0 or > 100)
                return Outcome.Refuse(400, "name", "The name is required and at most 100 characters.", "名称必填，且不超过 100 个字符。");
            var served = c.ServedCompoundIds ?? [.. hub.ServedCompoundIds];
            await using (var query = store.QuerySession())
            {
                var compounds = await query.LoadManyAsync<CompoundSummary>(served);
                var today = DateOnly.FromDateTime(DateTime.Today);
                if (compounds.Count(x => x.RetiredOn is null || today < x.RetiredOn) != served.Distinct().Count())
                    return Outcome.Refuse(400, "servedCompoundIds", "Some served compounds are not on the register.", "所服务的小区中有未登记或已注销的小区。");
            }
            return name == hub.Name && served.SequenceEqual(hub.ServedCompoundIds) ? Outcome.Unchanged
                : Outcome.Append(new ServiceHubDetailsRevised(name, [.. served.Distinct()]));
        });

    public Task<CommandResult> MoveAsync(MoveTo c, CommandContext context) =>
        writer.WriteAsync<ServiceHubSummary>(this.GetPrimaryKey(), context, async hub =>
        {
            if (hub is null)
                return NotFound();
            if (hub.RetiredOn is { } retired)
                return RecordEdits.Retired("hub", "综合体", retired);
            if (WellKnownText.Read(c.GeometryWkt) is not Point point)
                return Outcome.Refuse(400, "geometry", "A hub is located by a Point.", "综合体位置须为点。");
            // The function spaces are facilities at the hub's location: they move with it, in the same transaction.
            var outcome = Outcome.Append(new ServiceHubMoved(c.GeometryWkt)).At(point);
            foreach (var space in await SpacesAsync())
                outcome.AlsoAppend(space.Id, new FacilityMoved(c.GeometryWkt));
            return outcome;
        });

    public Task<CommandResult> RetireAsync(RetireRecord c, CommandContext context) =>
        writer.WriteAsync<ServiceHubSummary>(this.GetPrimaryKey(), context, async hub =>
        {
            if (hub is null)
                return NotFound();
            if (hub.RetiredOn is { } retired)
                return RecordEdits.Retired("hub", "综合体", retired);
            var outcome = Outcome.Append(new ServiceHubRetired(c.Reason.Trim(), c.On));
            foreach (var space in await SpacesAsync())
                outcome.AlsoAppend(space.Id, new FacilityRetired(c.Reason.Trim(), c.On));
            return outcome;
        });

    private async Task<IReadOnlyList<FacilitySummary>> SpacesAsync()
    {
        await using var query = store.QuerySession();
        var id = this.GetPrimaryKey();
        return (await query.Query<FacilitySummary>().Where(f => f.HubId == id).ToListAsync()).Where(f => f.RetiredOn is null).ToList();
    }

    private static Outcome NotFound() => Outcome.Refuse(404, "id", "No such hub.", "找不到该综合体。");
}
