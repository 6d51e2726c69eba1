using System.Globalization;
using Microsoft.Extensions.Configuration;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using Platform.Abstractions.Maps;
using Platform.Spatial;

namespace Platform.Maps.Benchmark;

/// <summary>
/// Benchmark-only: <c>Platform:Maps:BenchmarkBuildings=N</c> adds a layer <c>bench-buildings</c> of N synthetic
/// building footprints (about 20 m × 14 m, 40 m apart) in a square grid centred on Xinglong Street. With N = 0
/// (the default) there is no such layer.
/// </summary>
internal sealed class SyntheticBuildingsLayer : IMapLayer
{
    public const string Id = "bench-buildings";
    public const string SettingKey = "Platform:Maps:BenchmarkBuildings";
    private const double CentreLon = 104.07, CentreLat = 30.40, SpacingMetres = 40;

    private readonly STRtree<MapFeature> _index = new();
    private readonly List<MapFeature> _all = [];

    private SyntheticBuildingsLayer(int count)
    {
        var side = (int)Math.Ceiling(Math.Sqrt(count));
        // Degrees per metre near the centre; the footprints are synthetic, so a local linear step suffices.
        var (e0, n0) = CoordinateTransformer.Transform(StorageCrs.Code, "EPSG:4544", CentreLon, CentreLat);
        var half = side * SpacingMetres / 2;
        var transform = CoordinateTransformer.Create("EPSG:4544", StorageCrs.Code);
        for (var i = 0; i < count; i++)
        {
            var (col, row) = (i % side, i / side);
            var x = e0 - half + col * SpacingMetres;
            var y = n0 - half + row * SpacingMetres;
            var ring = new[] { (x, y), (x + 20, y), (x + 20, y + 14), (x, y + 14), (x, y) }
                .Select(p => transform.Transform(p.Item1, p.Item2)).Select(p => new Coordinate(p.X, p.Y)).ToArray();
            var feature = new MapFeature(i.ToString(CultureInfo.InvariantCulture), StorageCrs.Factory.CreatePolygon(ring),
                new Dictionary<string, object?> { ["name"] = $"楼栋{i + 1}", ["floors"] = 2 + i % 30 });
            _all.Add(feature);
            _index.Insert(feature.Geometry.EnvelopeInternal, feature);
        }
        _index.Build();
        Descriptor = new LayerDescriptor(Id, "合成楼栋（基准测试）", "Synthetic buildings (benchmark)", "Polygon",
            [new("name", "string", "名称", "Name"), new("floors", "integer", "层数", "Floors")],
            new LayerStyle("#b0b7c3", "#5d6d7e", 0.5, 0, null, [new("building", "楼栋", "Building", "#b0b7c3")], "name"),
            "benchmark", false, 50, VisibleByDefault: false);
    }

    public LayerDescriptor Descriptor { get; }

    /// <summary>The layer when the setting asks for one, else null.</summary>
    public static IMapLayer? FromConfiguration(IConfiguration? configuration) =>
        configuration?.GetValue<int?>(SettingKey) is > 0 and var count ? new SyntheticBuildingsLayer(count) : null;

    public Task<IReadOnlyList<MapFeature>> QueryAsync(LayerQuery query, CancellationToken ct = default)
    {
        IEnumerable<MapFeature> hits = query.Bbox is { } box ? _index.Query(box) : _all;
        return Task.FromResult<IReadOnlyList<MapFeature>>(hits.ToList());
    }
}
