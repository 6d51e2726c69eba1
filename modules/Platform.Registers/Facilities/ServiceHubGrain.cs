using Marten;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Registers;
using Platform.Registers.Compounds;
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
}
