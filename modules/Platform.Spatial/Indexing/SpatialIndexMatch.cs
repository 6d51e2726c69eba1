namespace Platform.Spatial;

/// <summary>An entry found by a metric query, with its distance.</summary>
/// <param name="Entry">The entry.</param>
/// <param name="DistanceMetres">Shortest distance from the query point in metres (0 inside a polygon), measured in the query point's Gauss–Krüger zone.</param>
public sealed record SpatialIndexMatch<TKey>(SpatialIndexEntry<TKey> Entry, double DistanceMetres);
