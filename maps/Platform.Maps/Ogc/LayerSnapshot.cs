using NetTopologySuite.Geometries;
using Platform.Abstractions.Maps;

namespace Platform.Maps.Ogc;

/// <summary>
/// A layer's features as of one date, ordered by id, with their spatial index, the geometry type they share and
/// their extent: what the OGC API pages through without reading or sorting the layer again per request.
/// </summary>
internal sealed class LayerSnapshot
{
    private readonly Dictionary<string, int> _byId;

    public LayerSnapshot(IReadOnlyList<MapFeature> features)
    {
        Features = features.OrderBy(f => f.Id, StringComparer.Ordinal).ToArray();
        Index = new FeatureIndex(Features);
        _byId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Features.Count; i++)
            _byId.TryAdd(Features[i].Id, i);
        GeometryType = CommonType(Features);
        foreach (var f in Features)
        {
            if (f.Geometry.IsEmpty)
                continue;
            Extent ??= new Envelope();
            Extent.ExpandToInclude(f.Geometry.EnvelopeInternal);
        }
    }

    public IReadOnlyList<MapFeature> Features { get; }

    public FeatureIndex Index { get; }

    /// <summary>The GeoJSON type every feature is written as: <c>MultiPolygon</c> as soon as one feature is a multipolygon, and so on.</summary>
    public string? GeometryType { get; }

    /// <summary>The extent in EPSG:4490 (lon/lat), null for an empty layer.</summary>
    public Envelope? Extent { get; }

    public MapFeature? Find(string id) => _byId.TryGetValue(id, out var i) ? Features[i] : null;

    /// <summary>The single GeoJSON type of these features (single types promoted to Multi* when mixed), or <c>GeometryCollection</c>.</summary>
    public static string? CommonType(IEnumerable<MapFeature> features)
    {
        var kinds = features.Where(f => !f.Geometry.IsEmpty).Select(f => GeoJsonType(f.Geometry)).ToHashSet();
        if (kinds.Count == 0)
            return null;
        if (kinds.Count == 1)
            return kinds.First();
        var bases = kinds.Select(k => k.StartsWith("Multi", StringComparison.Ordinal) ? k[5..] : k).ToHashSet();
        return bases.Count == 1 && bases.First() != "GeometryCollection" ? "Multi" + bases.First() : "GeometryCollection";
    }

    /// <summary>The RFC 7946 type of a geometry: a LinearRing is written as the LineString it is.</summary>
    public static string GeoJsonType(Geometry g) => g is LinearRing ? "LineString" : g.GeometryType;
}
