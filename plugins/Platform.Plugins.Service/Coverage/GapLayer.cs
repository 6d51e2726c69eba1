using NetTopologySuite.Geometries;
using Platform.Abstractions.Maps;
using Platform.Abstractions.Registers;
using Platform.Spatial;

namespace Platform.Plugins.Service.Coverage;

/// <summary>The gap map: each compound coloured by how many required facility categories it cannot reach.</summary>
internal sealed class GapLayer(CoverageService coverage) : IMapLayer
{
    public LayerDescriptor Descriptor { get; } = new("service-gaps", "公共服务短板（生活圈缺项）", "Public-service gaps (life circle)", "Point",
        [
            new("name", "string", "小区", "Compound"), new("community", "string", "所在社区", "Community"),
            new("households", "integer", "户数", "Households"), new("missingCount", "integer", "缺项数", "Missing categories"),
            new("missing", "string", "缺少的设施", "Missing facilities"), new("gapClass", "string", "短板等级", "Gap class"),
        ],
        new LayerStyle("#27ae60", "#ffffff", 1, 8, "gapClass",
        [
            new("none", "无缺项", "None missing", "#27ae60"), new("few", "缺1–2项", "1–2 missing", "#f1c40f"),
            new("some", "缺3–5项", "3–5 missing", "#e67e22"), new("many", "缺6项以上", "6 or more missing", "#c0392b"),
        ], "name"),
        "service", true, 240);

    public async Task<IReadOnlyList<MapFeature>> QueryAsync(LayerQuery query, CancellationToken ct = default)
    {
        var result = await coverage.ComputeAsync(query.AsOf ?? DateOnly.FromDateTime(DateTime.Today), ct);
        return query.Apply(result.Compounds
            .Select(c => new MapFeature(c.Id.ToString(), StorageCrs.Factory.CreatePoint(new Coordinate(c.Lon, c.Lat)), new Dictionary<string, object?>
            {
                ["name"] = c.Name, ["community"] = c.Community, ["households"] = c.Households, ["missingCount"] = c.MissingCount,
                ["missing"] = string.Join("、", c.Levels.SelectMany(l => l.Missing).Distinct().Select(m => FacilityCategories.Find(m)?.NameZh ?? m)),
                ["gapClass"] = c.MissingCount switch { 0 => "none", <= 2 => "few", <= 5 => "some", _ => "many" },
            })));
    }
}
