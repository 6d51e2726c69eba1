using System.Globalization;
using NetTopologySuite.Geometries;

namespace Platform.Spatial;

/// <summary>
/// Projects EPSG:4490 geometry into one CGCS2000 3-degree Gauss–Krüger zone and back, for metric work.
/// A geometry may reach <see cref="MaxOffsetDegrees"/> from the central meridian, wider than the zone, so that
/// shapes straddling a zone edge are measured in one plane; ProjNET stays within 0.01 mm of PROJ there.
/// </summary>
internal sealed class MetricProjection
{
    public const double MaxOffsetDegrees = 3.5;

    private static readonly MetricProjection?[] Cache = new MetricProjection?[21];

    private readonly ICoordinateCodec _codec;

    private MetricProjection(MetricZone zone)
    {
        Zone = zone;
        _codec = zone.Crs.Codec;
    }

    public MetricZone Zone { get; }

    public static MetricProjection ForLongitude(double lon)
    {
        var zone = MetricZone.For(lon);
        var slot = zone.ZoneNumber - 25;
        return Cache[slot] ??= new MetricProjection(zone);
    }

    /// <summary>Chooses the zone from the centroid longitude of the geometry.</summary>
    public static MetricProjection For(Geometry geometry)
    {
        CheckGeographic(geometry);
        var centroid = geometry.Centroid;
        var lon = centroid.IsEmpty ? geometry.EnvelopeInternal.Centre.X : centroid.X;
        return ForLongitude(lon);
    }

    public Geometry Project(Geometry geometry)
    {
        var copy = geometry.Copy();
        copy.Apply(new ProjectionFilter(this, forward: true));
        copy.GeometryChanged();
        copy.SRID = Zone.Epsg;
        return copy;
    }

    public Geometry Unproject(Geometry projected)
    {
        var copy = projected.Copy();
        copy.Apply(new ProjectionFilter(this, forward: false));
        copy.GeometryChanged();
        copy.SRID = StorageCrs.Srid;
        return copy;
    }

    public (double X, double Y) Project(double lon, double lat, int index = 0)
    {
        if (!double.IsFinite(lon) || !double.IsFinite(lat) || Math.Abs(lon - Zone.CentralMeridian) > MaxOffsetDegrees
            || Math.Abs(lat) > 84)
        {
            throw new CoordinateOutOfRangeException(index, string.Create(CultureInfo.InvariantCulture,
                $"lon {lon}, lat {lat} is more than {MaxOffsetDegrees}° from the central meridian {Zone.CentralMeridian}°E of " +
                $"{Zone.Code} chosen for this geometry (or not a longitude/latitude); a geometry measured in metres must fit one zone"));
        }

        return _codec.FromGeographic(lon, lat);
    }

    internal static void CheckGeographic(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (geometry.SRID is not (0 or 4490 or 4326))
        {
            throw new ArgumentException(
                $"geometry has SRID {geometry.SRID}; metric measurement expects EPSG:4490 longitude/latitude", nameof(geometry));
        }
    }

    private sealed class ProjectionFilter(MetricProjection projection, bool forward) : ICoordinateSequenceFilter
    {
        private int _index;

        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var (x, y) = forward
                ? projection.Project(seq.GetX(i), seq.GetY(i), _index)
                : projection._codec.ToGeographic(seq.GetX(i), seq.GetY(i));
            _index++;
            seq.SetX(i, x);
            seq.SetY(i, y);
        }
    }
}
