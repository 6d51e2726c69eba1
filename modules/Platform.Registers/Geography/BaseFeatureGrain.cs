using NetTopologySuite.Geometries;
using Platform.Abstractions.Commands;
using Platform.Registers.Shared;
using Platform.Spatial;

namespace Platform.Registers.Geography;

[GrainType("registers.base-feature")]
internal sealed class BaseFeatureGrain(EventWriter writer) : Grain, IBaseFeatureGrain
{
    public Task<CommandResult> RecordAsync(RecordBaseFeature c, CommandContext context) =>
        writer.WriteAsync<BaseFeatureSummary>(this.GetPrimaryKey(), context, feature =>
        {
            if (feature is not null)
                return AlreadyRecorded();
            if (NameProblem(c.Name) is { } badName)
                return badName;
            if (c.Kind is not ("water" or "road"))
                return Outcome.Refuse(400, "kind", "kind is water or road.", "类型须为 water（水系）或 road（道路）。");
            if (c.Kind == "road" && c.Class is not (null or "main" or "local"))
                return BadClass();
            return Shaped(c.Kind, c.GeometryWkt, g => new BaseFeatureRecorded(c.Name.Trim(), c.Kind, g, c.Kind == "road" ? c.Class ?? "main" : null));
        });

    public Task<CommandResult> ReviseAsync(ReviseBaseFeature c, CommandContext context) =>
        writer.WriteAsync<BaseFeatureSummary>(this.GetPrimaryKey(), context, feature =>
        {
            if (feature is null)
                return NotFound();
            if (feature.RetiredOn is { } retired)
                return RecordEdits.Retired("feature", "要素", retired);
            var name = (c.Name ?? feature.Name).Trim();
            if (NameProblem(name) is { } badName)
                return badName;
            if (feature.Kind == "road" && c.Class is not (null or "main" or "local"))
                return BadClass();
            var revised = new BaseFeatureRevised(name, feature.Kind == "road" ? c.Class ?? feature.Class : null);
            return revised == new BaseFeatureRevised(feature.Name, feature.Class) ? Outcome.Unchanged : Outcome.Append(revised);
        });

    public Task<CommandResult> ReshapeAsync(ReshapeBaseFeature c, CommandContext context) =>
        writer.WriteAsync<BaseFeatureSummary>(this.GetPrimaryKey(), context, feature =>
            feature is null ? NotFound()
            : feature.RetiredOn is { } retired ? RecordEdits.Retired("feature", "要素", retired)
            : Shaped(feature.Kind, c.GeometryWkt, g => new BaseFeatureReshaped(g)));

    public Task<CommandResult> RetireAsync(RetireRecord c, CommandContext context) =>
        writer.WriteAsync<BaseFeatureSummary>(this.GetPrimaryKey(), context, feature =>
            feature is null ? NotFound()
            : feature.RetiredOn is { } retired ? RecordEdits.Retired("feature", "要素", retired)
            : Outcome.Append(new BaseFeatureRetired(c.Reason.Trim(), c.On)));

    /// <summary>The geometry rules of water and roads, at recording and at every reshape.</summary>
    private static Outcome Shaped(string kind, string wkt, Func<string, object> fact)
    {
        // A bare ring is read as the closed line it is; for water it bounds an area (a lake), so it is kept as one.
        var geometry = WellKnownText.Read(wkt);
        if (kind == "water" && geometry is LineString { IsRing: true } ring)
            geometry = geometry.Factory.CreatePolygon(ring.Coordinates);
        if (kind == "road" && geometry is not (LineString or MultiLineString))
            return Outcome.Refuse(400, "geometry", "A road is a LineString or MultiLineString (its centre line).", "道路须为线（道路中心线）。");
        if (kind == "water" && geometry is Point or MultiPoint)
            return Outcome.Refuse(400, "geometry", "Water is an area (lake, river) or a line (a river's centre line).", "水系须为面（湖泊、河道）或线（河道中心线）。");
        return Outcome.Append(fact(WellKnownText.Write(geometry))).Within(geometry);
    }

    private static Rejection? NameProblem(string name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100 ? new Rejection(400, "name", "The name is required and at most 100 characters.", "名称必填，且不超过 100 个字符。") : null;

    private static Outcome BadClass() => Outcome.Refuse(400, "class", "A road's class is main (主干路) or local (支路).", "道路等级须为 main（主干路）或 local（支路）。");

    private static Outcome NotFound() => Outcome.Refuse(404, "id", "No such feature.", "找不到该要素。");

    private static Outcome AlreadyRecorded() => Outcome.Refuse(409, "id", "Already recorded.", "已登记。");
}
