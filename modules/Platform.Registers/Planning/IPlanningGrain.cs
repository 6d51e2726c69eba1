using Platform.Abstractions.Commands;

namespace Platform.Registers.Planning;

[GenerateSerializer, Immutable]
public sealed record DesignateZone(
    [property: Id(0)] string Name, [property: Id(1)] string Kind, [property: Id(2)] string Theme,
    [property: Id(3)] string GeometryWkt, [property: Id(4)] string Description);

[GenerateSerializer, Immutable]
public sealed record RecordBaseFeature([property: Id(0)] string Name, [property: Id(1)] string Kind, [property: Id(2)] string GeometryWkt,
    [property: Id(3)] string? Class = null);

/// <summary>The single writer of one planning zone or base-geography feature (keyed by its id).</summary>
public interface IPlanningGrain : IGrainWithGuidKey
{
    Task<CommandResult> DesignateZoneAsync(DesignateZone command, CommandContext context);
    Task<CommandResult> RecordBaseFeatureAsync(RecordBaseFeature command, CommandContext context);
}

internal sealed class PlanningGrain(Marten.IDocumentStore store) : Grain, IPlanningGrain
{
    public Task<CommandResult> DesignateZoneAsync(DesignateZone c, CommandContext context)
    {
        if (string.IsNullOrWhiteSpace(c.Name))
            return Task.FromResult(CommandResult.Refused(400, "name", "The name is required.", "名称必填。"));
        if (c.Kind is not ("belt" or "cluster"))
            return Task.FromResult(CommandResult.Refused(400, "kind", "kind is belt or cluster.", "类型须为 belt（带）或 cluster（组团）。"));
        return StartAsync(new ZoneDesignated(c.Name.Trim(), c.Kind, c.Theme, c.GeometryWkt, c.Description), context);
    }

    public Task<CommandResult> RecordBaseFeatureAsync(RecordBaseFeature c, CommandContext context)
    {
        if (string.IsNullOrWhiteSpace(c.Name))
            return Task.FromResult(CommandResult.Refused(400, "name", "The name is required.", "名称必填。"));
        if (c.Kind is not ("water" or "road"))
            return Task.FromResult(CommandResult.Refused(400, "kind", "kind is water or road.", "类型须为 water（水系）或 road（道路）。"));
        if (c.Kind == "road" && Platform.Spatial.WellKnownText.Read(c.GeometryWkt) is not (NetTopologySuite.Geometries.LineString or NetTopologySuite.Geometries.MultiLineString))
            return Task.FromResult(CommandResult.Refused(400, "geometry", "A road is a LineString or MultiLineString (its centre line).", "道路须为线（道路中心线）。"));
        if (c.Kind == "water" && Platform.Spatial.WellKnownText.Read(c.GeometryWkt) is NetTopologySuite.Geometries.Point or NetTopologySuite.Geometries.MultiPoint)
            return Task.FromResult(CommandResult.Refused(400, "geometry", "Water is an area (lake, river) or a line (a river's centre line).", "水系须为面（湖泊、河道）或线（河道中心线）。"));
        if (c.Kind == "road" && c.Class is not (null or "main" or "local"))
            return Task.FromResult(CommandResult.Refused(400, "class", "A road's class is main (主干路) or local (支路).", "道路等级须为 main（主干路）或 local（支路）。"));
        return StartAsync(new BaseFeatureRecorded(c.Name.Trim(), c.Kind, c.GeometryWkt, c.Kind == "road" ? c.Class ?? "main" : null), context);
    }

    private async Task<CommandResult> StartAsync(object e, CommandContext context)
    {
        await using var session = store.LightweightSession();
        var state = await session.Events.FetchStreamStateAsync(this.GetPrimaryKey());
        if (state is not null)
            return CommandResult.Refused(409, "id", "Already recorded.", "已登记。");
        session.AttributeTo(context);
        session.Events.StartStream(this.GetPrimaryKey(), e);
        await session.SaveChangesAsync();
        return CommandResult.Ok(1);
    }
}
