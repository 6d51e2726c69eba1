using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using Platform.Abstractions.Maps;
using Platform.Maps.Layers;
using Platform.Spatial;

namespace Platform.Maps.Statistics;

/// <summary>
/// Figures of one community (社区/村) for one layer: the count of features whose interior point lies in it, the
/// area (m², Gauss–Krüger) of the layer's polygons and the length (m) of its lines inside it (the part inside).
/// </summary>
internal sealed record CommunityFigure(string Code, string Name, string Level, int Count, double AreaSquareMetres, double LengthMetres);

/// <summary>A layer counted per community as of <paramref name="Date"/>; <paramref name="Outside"/> holds what falls in none.</summary>
internal sealed record LayerStatistics(string Layer, string TitleZh, string TitleEn, string GeometryType, DateOnly Date,
    int Total, IReadOnlyList<CommunityFigure> Communities, CommunityFigure Outside);

/// <summary>
/// Locates each feature of a layer against the communities and villages (<c>jurisdiction-communities</c>) as of a date.
/// </summary>
internal sealed class CommunityStatistics(LayerReader reader)
{
    public async Task<LayerStatistics?> ComputeAsync(IMapLayer layer, DateOnly? date, CancellationToken ct)
    {
        if (reader.Catalog.Find(LayerReader.CommunitiesLayer) is not { } communitiesLayer)
            return null;
        var day = LayerReader.Effective(date);
        var communities = await reader.ReadAsync(communitiesLayer, null, day, null, ct);
        var features = await reader.ReadAsync(layer, null, day, null, ct);
        var index = new SpatialIndex<int>(communities.Select((c, i) => new SpatialIndexEntry<int>(i, c.Geometry)));
        var prepared = communities.Select(c => PreparedGeometryFactory.Prepare(c.Geometry)).ToArray();
        var count = new int[communities.Count + 1];
        var area = new double[communities.Count + 1];
        var length = new double[communities.Count + 1];
        var outside = communities.Count;
        foreach (var f in features)
        {
            if (f.Geometry.IsEmpty)
                continue;
            count[index.Locate(GeometryMeasurement.InteriorPoint(f.Geometry))?.Key ?? outside]++;
            if (f.Geometry is not (IPolygonal or ILineal))
                continue;
            var areal = f.Geometry is IPolygonal;
            var measured = 0.0;
            var total = Measure(f.Geometry, areal);
            foreach (var entry in index.Query(f.Geometry.EnvelopeInternal))
            {
                var part = prepared[entry.Key].Contains(f.Geometry) ? total : Measure(Intersect(f.Geometry, entry.Geometry), areal);
                Add(entry.Key, part);
                measured += part;
            }
            Add(outside, Math.Max(0, total - measured));

            void Add(int slot, double value)
            {
                if (f.Geometry is IPolygonal)
                    area[slot] += value;
                else
                    length[slot] += value;
            }
        }
        var figures = communities.Select((c, i) => Figure(c, count[i], area[i], length[i])).ToList();
        var d = layer.Descriptor;
        return new LayerStatistics(d.Id, d.TitleZh, d.TitleEn, d.GeometryType, day, features.Count, figures,
            new CommunityFigure("", "辖区外", "outside", count[outside], Math.Round(area[outside], 1), Math.Round(length[outside], 1)));
    }

    private static CommunityFigure Figure(MapFeature c, int count, double area, double length) =>
        new(LayerReader.Text(c.Properties.GetValueOrDefault("code")) ?? c.Id,
            LayerReader.Text(c.Properties.GetValueOrDefault("name")) ?? c.Id,
            LayerReader.Text(c.Properties.GetValueOrDefault("level")) ?? "",
            count, Math.Round(area, 1), Math.Round(length, 1));

    /// <summary>Area of the polygonal parts, or length of the lineal ones: the shared edge of two neighbours is no area.</summary>
    private static double Measure(Geometry g, bool areal) => g switch
    {
        IPolygonal when areal => GeometryMeasurement.AreaSquareMetres(g),
        ILineal when !areal => GeometryMeasurement.LengthMetres(g),
        GeometryCollection c => c.Geometries.Sum(part => Measure(part, areal)),
        _ => 0,
    };

    private static Geometry Intersect(Geometry a, Geometry b)
    {
        try
        {
            return a.Intersection(b);
        }
        catch (TopologyException)
        {
            return a.Buffer(0).Intersection(b.Buffer(0));
        }
    }
}
