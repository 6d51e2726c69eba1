using Marten;
using Platform.Abstractions.Maps;
using Platform.Spatial;

namespace Platform.Linkage.Demonstration;

/// <summary>The demonstration sites (示范点位) on every map surface; the guide's name is personal data and stays off the map.</summary>
internal sealed class DemonstrationSiteLayer(IDocumentStore store) : IMapLayer
{
    public LayerDescriptor Descriptor { get; } = new("linkage-demonstration-sites", "示范点位（竞进拉练）", "Demonstration sites (tours)", "Point",
        [new("name", "string", "名称", "Name"), new("year", "integer", "年度", "Year"), new("guideTrained", "string", "讲解员培训", "Guide trained")
            { Values = [new("yes", "已培训", "trained"), new("no", "未培训", "not trained"), new("none", "未配讲解员", "no guide")] },
         new("materials", "string", "展示材料", "Display materials")],
        new LayerStyle("#e74c3c", "#922b21", 1.5, 7, null, [new("site", "示范点位", "Demonstration site", "#e74c3c")], "name"), "planning", false, 260);

    public async Task<IReadOnlyList<MapFeature>> QueryAsync(LayerQuery query, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var sites = await session.Query<DemonstrationSite>().ToListAsync(ct);
        return query.Apply(sites.Select(s => new MapFeature(s.Id.ToString(), StorageCrs.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(s.Lon, s.Lat)),
            new Dictionary<string, object?>
            {
                ["name"] = s.Name, ["year"] = s.Year, ["guideTrained"] = s.Guide is null ? "none" : s.Guide.Trained ? "yes" : "no",
                ["materials"] = string.Join("、", s.Materials),
            })));
    }
}
