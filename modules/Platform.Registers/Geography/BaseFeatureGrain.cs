using NetTopologySuite.Geometries;
using Platform.Abstractions.Commands;
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
            if (string.IsNullOrWhiteSpace(c.Name))
                return Outcome.Refuse(400, "name", "The name is required.", "名称必填。");
            if (c.Kind is not ("water" or "road"))
                return Outcome.Refuse(400, "kind", "kind is water or road.", "类型须为 water（水系）或 road（道路）。");
            // A bare ring is read as the closed line it is; for water it bounds an area (a lake), so it is kept as one.
            var geometry = WellKnownText.Read(c.GeometryWkt);
            if (c.Kind == "water" && geometry is LineString { IsRing: true } ring)
                geometry = geometry.Factory.CreatePolygon(ring.Coordinates);
            if (c.Kind == "road" && geometry is not (LineString or MultiLineString))
                return Outcome.Refuse(400, "geometry", "A road is a LineString or MultiLineString (its centre line).", "道路须为线（道路中心线）。");
            if (c.Kind == "water" && geometry is Point or MultiPoint)
                return Outcome.Refuse(400, "geometry", "Water is an area (lake, river) or a line (a river's centre line).", "水系须为面（湖泊、河道）或线（河道中心线）。");
            if (c.Kind == "road" && c.Class is not (null or "main" or "local"))
                return Outcome.Refuse(400, "class", "A road's class is main (主干路) or local (支路).", "道路等级须为 main（主干路）或 local（支路）。");
            return Outcome.Append(new BaseFeatureRecorded(c.Name.Trim(), c.Kind, WellKnownText.Write(geometry), c.Kind == "road" ? c.Class ?? "main" : null))
                .Within(geometry);
        });

    private static Outcome AlreadyRecorded() => Outcome.Refuse(409, "id", "Already recorded.", "已登记。");
}
