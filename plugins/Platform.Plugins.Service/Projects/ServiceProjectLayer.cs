using Marten;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Maps;
using Platform.Spatial;

namespace Platform.Plugins.Service.Projects;

/// <summary>Service projects (party-mass centres, ground-floor spaces) on the map, coloured by status.</summary>
internal sealed class ServiceProjectLayer(IDocumentStore store) : IMapLayer
{
    public LayerDescriptor Descriptor { get; } = new("service-projects", "服务场景项目（党群服务中心、架空层）", "Service projects (centres, ground-floor spaces)", "Point",
        [
            new("name", "string", "名称", "Name"), new LayerField("kind", "string", "类型", "Kind").Coded([new("party_mass_center", ServiceProjectKinds.Kinds["party_mass_center"], "Party-mass service centre"),
                new("ground_floor_space", ServiceProjectKinds.Kinds["ground_floor_space"], "Ground-floor shared space")]), new("kindZh", "string", "类型（中文）", "Kind (Chinese)"),
            new("compound", "string", "所在小区", "Compound"), new("status", "string", "状态", "Status"), new("statusZh", "string", "状态（中文）", "Status (Chinese)"),
            new("areaSquareMetres", "number", "面积（平方米）", "Area (m²)"),
        ],
        new LayerStyle("#2980b9", "#ffffff", 1, 7, "status",
            [new("planned", "规划中", "Planned", "#aed6f1"), new("under_renovation", "改造中", "Under renovation", "#5dade2"), new("open", "已开放", "Open", "#1b4f72")], "name"),
        "service", false, 245);

    public async Task<IReadOnlyList<MapFeature>> QueryAsync(LayerQuery query, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return query.Apply((await session.Query<ServiceProject>().ToListAsync(ct))
            .Select(p => new MapFeature(p.Id.ToString(), StorageCrs.Factory.CreatePoint(new Coordinate(p.Lon, p.Lat)), new Dictionary<string, object?>
            {
                ["name"] = p.Name, ["kind"] = p.Kind, ["kindZh"] = ServiceProjectKinds.Kinds[p.Kind], ["compound"] = p.Compound,
                ["status"] = p.Status, ["statusZh"] = ServiceProjectKinds.StatusZh[p.Status], ["areaSquareMetres"] = p.AreaSquareMetres,
            })));
    }
}
