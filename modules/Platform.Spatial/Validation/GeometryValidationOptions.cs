using NetTopologySuite.Geometries;

namespace Platform.Spatial;

/// <summary>Limits applied by <see cref="GeometryValidator"/>. Coordinates are EPSG:4490 longitude/latitude.</summary>
public sealed class GeometryValidationOptions
{
    /// <summary>Default <see cref="MaxVertices"/>: 100 000.</summary>
    public const int DefaultMaxVertices = 100_000;

    /// <summary>China's extent used by <see cref="RequireInsideChina"/>: longitude 73–136°E, latitude 3–54°N.</summary>
    public static Envelope ChinaExtent { get; } = new(73, 136, 3, 54);

    /// <summary>Most vertices a geometry may have; checked first so an oversized input is refused without further work.</summary>
    public int MaxVertices { get; set; } = DefaultMaxVertices;

    /// <summary>Refuse coordinates outside <see cref="ChinaExtent"/> (catches swapped lon/lat and projected metres). Default true.</summary>
    public bool RequireInsideChina { get; set; } = true;

    /// <summary>The configured street extent (lon/lat box); null means no extent check.</summary>
    public Envelope? StreetExtent { get; set; }
}
