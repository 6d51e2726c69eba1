using NetTopologySuite.Geometries;

namespace Platform.Abstractions.Maps;

/// <summary>
/// A layer of features that map surfaces can draw. Register implementations as
/// <c>services.AddSingleton&lt;IMapLayer, MyLayer&gt;()</c> (modules) or in a plugin's
/// <c>ConfigureServices</c>; a plugin's layers disappear from every surface while the plugin is not running.
/// </summary>
public interface IMapLayer
{
    LayerDescriptor Descriptor { get; }

    /// <summary>
    /// The features matching <paramref name="query"/>, geometry in EPSG:4490 (x = lon, y = lat).
    /// Personal data (contacts, names of residents) only when <see cref="LayerQuery.IncludePersonalData"/>.
    /// </summary>
    Task<IReadOnlyList<MapFeature>> QueryAsync(LayerQuery query, CancellationToken ct = default);
}

/// <summary>
/// A request for features: within <paramref name="Bbox"/> (EPSG:4490; null = everywhere), as of
/// <paramref name="AsOf"/> (null = today), with attribute equality <paramref name="Filters"/>.
/// </summary>
public sealed record LayerQuery(Envelope? Bbox, DateOnly? AsOf, IReadOnlyDictionary<string, string> Filters, bool IncludePersonalData = false)
{
    /// <summary>Everything, today, no filters, no personal data.</summary>
    public static LayerQuery All { get; } = new(null, null, new Dictionary<string, string>());

    /// <summary>
    /// The features whose geometry meets <see cref="Bbox"/> (not merely their envelope) and whose
    /// attributes equal every filter (compared as invariant text).
    /// </summary>
    public IReadOnlyList<MapFeature> Apply(IEnumerable<MapFeature> features)
    {
        var box = Bbox is null ? null : Platform.Spatial.StorageCrs.Factory.ToGeometry(Bbox);
        return features.Where(f =>
                (box is null || (Bbox!.Intersects(f.Geometry.EnvelopeInternal) && box.Intersects(f.Geometry)))
                && Filters.All(kv => f.Properties.TryGetValue(kv.Key, out var v)
                    && string.Equals(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture), kv.Value, StringComparison.Ordinal)))
            .ToList();
    }
}

/// <summary>
/// One feature: a stable id, geometry in EPSG:4490, and the attributes named by the layer's fields. The geometry is
/// kept in a shape every surface can write (<see cref="Platform.Spatial.Rfc7946Shape.Conform"/>): no bare ring,
/// polygons right-handed, whatever the layer hands in.
/// </summary>
public sealed record MapFeature(string Id, Geometry Geometry, IReadOnlyDictionary<string, object?> Properties)
{
    private readonly Geometry _geometry = Platform.Spatial.Rfc7946Shape.Conform(Geometry);

    /// <summary>The feature's geometry, EPSG:4490, as <see cref="Platform.Spatial.Rfc7946Shape.Conform"/> leaves it (also when set by <c>with</c>).</summary>
    public Geometry Geometry { get => _geometry; init => _geometry = Platform.Spatial.Rfc7946Shape.Conform(value); }
}
