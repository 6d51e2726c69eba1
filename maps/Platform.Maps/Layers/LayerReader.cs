using System.Globalization;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Maps;

namespace Platform.Maps.Layers;

/// <summary>
/// Reads features from the catalogue for the map surfaces: resolves "today" for temporal layers,
/// orders by id so paging is stable, and applies the community filter the surfaces share.
/// </summary>
internal sealed class LayerReader(ILayerCatalog catalog)
{
    public const string CommunitiesLayer = "jurisdiction-communities";

    public ILayerCatalog Catalog => catalog;

    /// <summary>The date a temporal query is answered for (today when none is given).</summary>
    public static DateOnly Effective(DateOnly? date) => date ?? DateOnly.FromDateTime(DateTime.Today);

    public async Task<IReadOnlyList<MapFeature>> ReadAsync(IMapLayer layer, Envelope? bbox, DateOnly? date,
        IReadOnlyDictionary<string, string>? filters, CancellationToken ct)
    {
        var query = new LayerQuery(bbox, layer.Descriptor.Temporal ? Effective(date) : date, filters ?? new Dictionary<string, string>());
        var features = await layer.QueryAsync(query, ct);
        return features.OrderBy(f => f.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The community (社区/村) polygon named <paramref name="nameOrCode"/> as of the date, or null.</summary>
    public async Task<MapFeature?> CommunityAsync(string nameOrCode, DateOnly? date, CancellationToken ct)
    {
        if (catalog.Find(CommunitiesLayer) is not { } communities)
            return null;
        var all = await ReadAsync(communities, null, date, null, ct);
        return all.FirstOrDefault(f => Matches(f, "name", nameOrCode) || Matches(f, "code", nameOrCode) || f.Id == nameOrCode);
    }

    /// <summary>Features whose representative point lies in <paramref name="area"/>.</summary>
    public static IReadOnlyList<MapFeature> Within(IReadOnlyList<MapFeature> features, Geometry area)
    {
        var prepared = NetTopologySuite.Geometries.Prepared.PreparedGeometryFactory.Prepare(area);
        return features.Where(f => !f.Geometry.IsEmpty && prepared.Intersects(f.Geometry.InteriorPoint)).ToList();
    }

    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static bool Matches(MapFeature f, string field, string value) =>
        f.Properties.TryGetValue(field, out var v) && Text(v) == value;
}
