using System.Globalization;
using NetTopologySuite.Geometries;

namespace Platform.Spatial;

/// <summary>
/// A transformation between two resolved CRSs, reusable and thread-safe. Coordinates pass through
/// CGCS2000/WGS 84 longitude/latitude; every coordinate is checked (finite, in range, inside the area of use
/// of a projected source or target) and a failure names its index.
/// </summary>
public sealed class CrsTransformation
{
    // Beyond about 1 000 km from the central meridian the transverse Mercator inverse returns nonsense, so such
    // eastings are refused before the inverse runs (and a prefixed/unprefixed mix-up gets a clear reason).
    private const double MaxGaussKrugerOffsetMetres = 1_000_000;

    internal CrsTransformation(CrsDefinition source, CrsDefinition target)
    {
        Source = source;
        Target = target;
    }

    /// <summary>The CRS of the input coordinates.</summary>
    public CrsDefinition Source { get; }

    /// <summary>The CRS of the output coordinates.</summary>
    public CrsDefinition Target { get; }

    /// <summary>Transforms one coordinate.</summary>
    /// <param name="x">Longitude (degrees) or easting (metres) in <see cref="Source"/>.</param>
    /// <param name="y">Latitude (degrees) or northing (metres) in <see cref="Source"/>.</param>
    /// <param name="index">Index reported in a <see cref="CoordinateOutOfRangeException"/>.</param>
    /// <exception cref="CoordinateOutOfRangeException">Not finite, out of range, or outside an area of use.</exception>
    public (double X, double Y) Transform(double x, double y, int index = 0)
    {
        if (!double.IsFinite(x) || !double.IsFinite(y))
        {
            throw new CoordinateOutOfRangeException(index, $"({Format(x)}, {Format(y)}) is not a finite number");
        }

        if (ReferenceEquals(Source, Target) && !Source.EnforcesAreaOfUse)
        {
            CheckDegrees(Source, x, y, index);
            return (x, y);
        }

        if (Source.Kind == CrsKind.Gcj02 && Target.Kind == CrsKind.Bd09)
        {
            CheckDegrees(Source, x, y, index);
            return Bd09Offset.Forward(x, y);
        }

        if (Source.Kind == CrsKind.Bd09 && Target.Kind == CrsKind.Gcj02)
        {
            CheckDegrees(Source, x, y, index);
            return Bd09Offset.Inverse(x, y);
        }

        var (lon, lat) = ToGeographic(x, y, index);
        return FromGeographic(lon, lat, index);
    }

    /// <summary>Transforms a list of coordinates into a new array.</summary>
    /// <exception cref="CoordinateOutOfRangeException">The first coordinate that cannot be transformed.</exception>
    public (double X, double Y)[] Transform(IReadOnlyList<(double X, double Y)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var result = new (double X, double Y)[points.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Transform(points[i].X, points[i].Y, i);
        }

        return result;
    }

    /// <summary>Transforms <paramref name="source"/> into <paramref name="destination"/> (same length; may be the same memory).</summary>
    /// <exception cref="CoordinateOutOfRangeException">The first coordinate that cannot be transformed.</exception>
    public void Transform(ReadOnlySpan<(double X, double Y)> source, Span<(double X, double Y)> destination)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException("destination is shorter than source", nameof(destination));
        }

        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = Transform(source[i].X, source[i].Y, i);
        }
    }

    /// <summary>
    /// Returns a transformed copy of <paramref name="geometry"/> with its SRID set to the target's EPSG code
    /// (0 for GCJ-02/BD-09). Coordinate indices in errors follow the geometry's traversal order.
    /// </summary>
    /// <exception cref="CoordinateOutOfRangeException">The first coordinate that cannot be transformed.</exception>
    public Geometry Transform(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var copy = geometry.Copy();
        copy.Apply(new TransformFilter(this));
        copy.GeometryChanged();
        copy.SRID = Target.Epsg ?? 0;
        return copy;
    }

    private (double Lon, double Lat) ToGeographic(double x, double y, int index)
    {
        if (Source.IsAngular)
        {
            CheckDegrees(Source, x, y, index);
        }
        else if (Source.GaussKruger is { } zone && Math.Abs(x - zone.FalseEasting) > MaxGaussKrugerOffsetMetres)
        {
            throw new CoordinateOutOfRangeException(index,
                $"easting {Format(x)} m is not in {Source.Code} (false easting {Format(zone.FalseEasting)} m" +
                (zone.ZonePrefixedEasting ? ", zone-prefixed" : ", no zone prefix") + "); check the zone variant");
        }

        var (lon, lat) = Source.Codec.ToGeographic(x, y);
        if (!double.IsFinite(lon) || !double.IsFinite(lat)
            || (Source.EnforcesAreaOfUse && !Source.AreaOfUse.Contains(lon, lat)))
        {
            throw new CoordinateOutOfRangeException(index,
                $"({Format(x)}, {Format(y)}) lies outside the area of use of {Source.Code} ({Source.AreaOfUse})" +
                (double.IsFinite(lon) && double.IsFinite(lat) ? $"; it maps to lon {Format(lon)}, lat {Format(lat)}" : ""));
        }

        return (lon, lat);
    }

    private (double X, double Y) FromGeographic(double lon, double lat, int index)
    {
        if (Target.EnforcesAreaOfUse && !Target.AreaOfUse.Contains(lon, lat))
        {
            throw new CoordinateOutOfRangeException(index,
                $"lon {Format(lon)}, lat {Format(lat)} lies outside the area of use of {Target.Code} ({Target.AreaOfUse})");
        }

        var (x, y) = Target.Codec.FromGeographic(lon, lat);
        if (!double.IsFinite(x) || !double.IsFinite(y))
        {
            throw new CoordinateOutOfRangeException(index,
                $"lon {Format(lon)}, lat {Format(lat)} has no finite image in {Target.Code}");
        }

        return (x, y);
    }

    private static void CheckDegrees(CrsDefinition crs, double lon, double lat, int index)
    {
        if (lon is < -180 or > 180 || lat is < -90 or > 90)
        {
            throw new CoordinateOutOfRangeException(index,
                $"({Format(lon)}, {Format(lat)}) is not a longitude/latitude in {crs.Code}: longitude must be in −180..180 " +
                "and latitude in −90..90 (x is longitude)");
        }
    }

    private static string Format(double value) => value.ToString("0.#########", CultureInfo.InvariantCulture);

    private sealed class TransformFilter(CrsTransformation transformation) : ICoordinateSequenceFilter
    {
        private int _index;

        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var (x, y) = transformation.Transform(seq.GetX(i), seq.GetY(i), _index++);
            seq.SetX(i, x);
            seq.SetY(i, y);
        }
    }
}
