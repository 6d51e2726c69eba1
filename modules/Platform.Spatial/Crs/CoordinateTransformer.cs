using NetTopologySuite.Geometries;

namespace Platform.Spatial;

/// <summary>
/// Transforms coordinates between the CRSs of <see cref="CrsRegistry"/>. x is always longitude/easting and
/// y latitude/northing, whatever the CRS's official axis order. Accuracy: ≤ 1 mm against PROJ for the EPSG
/// systems; GCJ-02/BD-09 forward as the reference algorithm, inverse iterated to &lt; 1e-10° (≈ 0.01 mm).
/// </summary>
/// <remarks>
/// EPSG:4326 and EPSG:4490 are treated as the same frame (sub-metre difference; PROJ uses a null
/// transformation as well). Points outside a Gauss–Krüger zone's or Web Mercator's area of use, NaN and infinity
/// are refused with a <see cref="CoordinateOutOfRangeException"/> naming the index.
/// </remarks>
public static class CoordinateTransformer
{
    /// <summary>Prepares a reusable transformation.</summary>
    /// <exception cref="UnknownCrsException">Either name is not known.</exception>
    public static CrsTransformation Create(string fromCrs, string toCrs) =>
        new(CrsRegistry.Resolve(fromCrs), CrsRegistry.Resolve(toCrs));

    /// <summary>Transforms one coordinate.</summary>
    /// <exception cref="UnknownCrsException">Either name is not known.</exception>
    /// <exception cref="CoordinateOutOfRangeException">The coordinate cannot be transformed.</exception>
    public static (double X, double Y) Transform(string fromCrs, string toCrs, double x, double y) =>
        Create(fromCrs, toCrs).Transform(x, y);

    /// <summary>Transforms a list of coordinates.</summary>
    /// <exception cref="UnknownCrsException">Either name is not known.</exception>
    /// <exception cref="CoordinateOutOfRangeException">The first coordinate that cannot be transformed, with its index.</exception>
    public static (double X, double Y)[] Transform(string fromCrs, string toCrs, IReadOnlyList<(double X, double Y)> points) =>
        Create(fromCrs, toCrs).Transform(points);

    /// <summary>Transforms a span of coordinates into <paramref name="destination"/>.</summary>
    /// <exception cref="UnknownCrsException">Either name is not known.</exception>
    /// <exception cref="CoordinateOutOfRangeException">The first coordinate that cannot be transformed, with its index.</exception>
    public static void Transform(string fromCrs, string toCrs, ReadOnlySpan<(double X, double Y)> source,
        Span<(double X, double Y)> destination) =>
        Create(fromCrs, toCrs).Transform(source, destination);

    /// <summary>Returns a transformed copy of the geometry, SRID set to the target EPSG code (0 for GCJ-02/BD-09).</summary>
    /// <exception cref="UnknownCrsException">Either name is not known.</exception>
    /// <exception cref="CoordinateOutOfRangeException">The first coordinate that cannot be transformed, with its index.</exception>
    public static Geometry Transform(Geometry geometry, string fromCrs, string toCrs) =>
        Create(fromCrs, toCrs).Transform(geometry);
}
