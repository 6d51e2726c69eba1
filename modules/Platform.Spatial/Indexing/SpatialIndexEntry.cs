using NetTopologySuite.Geometries;

namespace Platform.Spatial;

/// <summary>A keyed geometry in a <see cref="SpatialIndex{TKey}"/>, valid over a date interval.</summary>
/// <typeparam name="TKey">The caller's identifier (community id, site id…).</typeparam>
/// <param name="Key">The caller's identifier.</param>
/// <param name="Geometry">Geometry in EPSG:4490 longitude/latitude.</param>
/// <param name="ValidFrom">First day the geometry is valid (inclusive); null = since always.</param>
/// <param name="ValidTo">Day the geometry stops being valid (exclusive), e.g. the day a new boundary takes effect; null = still valid.</param>
public sealed record SpatialIndexEntry<TKey>(TKey Key, Geometry Geometry, DateOnly? ValidFrom = null, DateOnly? ValidTo = null)
{
    /// <summary>
    /// True when the entry is valid on <paramref name="asOf"/> (ValidFrom ≤ asOf &lt; ValidTo); with a null date,
    /// true for current entries, those not retired (<see cref="ValidTo"/> is null).
    /// </summary>
    public bool IsValidOn(DateOnly? asOf) => asOf is { } day
        ? (ValidFrom is null || ValidFrom.Value <= day) && (ValidTo is null || day < ValidTo.Value)
        : ValidTo is null;
}
