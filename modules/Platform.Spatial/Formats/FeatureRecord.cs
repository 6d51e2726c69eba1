using NetTopologySuite.Geometries;

namespace Platform.Spatial;

/// <summary>A geometry with its attributes, as imported from or exported to a GIS file.</summary>
/// <param name="Geometry">Geometry in EPSG:4490 longitude/latitude.</param>
/// <param name="Attributes">
/// Attribute values by field name: <see cref="string"/>, <see cref="long"/>, <see cref="int"/>, <see cref="double"/>,
/// <see cref="decimal"/>, <see cref="bool"/>, <see cref="DateOnly"/>, <see cref="DateTime"/> or null.
/// </param>
public sealed record FeatureRecord(Geometry Geometry, IReadOnlyDictionary<string, object?> Attributes);
