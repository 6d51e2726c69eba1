using NetTopologySuite.Index.Strtree;

namespace Platform.Abstractions.Maps;

/// <summary>
/// A layer's features loaded once, with an STR-tree over their envelopes, so that a bbox query (a tile, an OGC page)
/// touches only the features near it instead of filtering the whole layer. Build one per committed change and date
/// with <see cref="CommittedChangeCache{TKey, TValue}"/>.
/// </summary>
public sealed class FeatureIndex
{
    private readonly IReadOnlyList<MapFeature> _all;
    private readonly STRtree<int> _tree = new();

    public FeatureIndex(IReadOnlyList<MapFeature> features)
    {
        _all = features;
        for (var i = 0; i < features.Count; i++)
        {
            if (!features[i].Geometry.IsEmpty)
                _tree.Insert(features[i].Geometry.EnvelopeInternal, i);
        }
        _tree.Build();
    }

    /// <summary>How many features the layer has.</summary>
    public int Count => _all.Count;

    /// <summary>
    /// The features matching <paramref name="query"/>: candidates from the index when there is a bbox, then
    /// <see cref="LayerQuery.Apply"/> (geometry meets the box, attributes equal the filters), in the layer's order.
    /// </summary>
    public IReadOnlyList<MapFeature> Query(LayerQuery query)
    {
        if (query.Bbox is not { } box)
            return query.Apply(_all);
        var candidates = _tree.Query(box);
        var ordered = candidates.ToArray();
        Array.Sort(ordered);
        return query.Apply(ordered.Select(i => _all[i]));
    }
}
