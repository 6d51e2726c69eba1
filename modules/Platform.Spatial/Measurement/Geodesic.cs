using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Distance;

namespace Platform.Spatial;

/// <summary>
/// Distances on the CGCS2000 ellipsoid (GRS 80: a = 6 378 137 m, f = 1/298.257222101), for places too far apart
/// to share one Gauss–Krüger zone (<see cref="GeometryMeasurement"/>), e.g. a point in Beijing and a street in Chengdu.
/// </summary>
/// <remarks>
/// Vincenty's inverse formula (1975), iterated to 1e-12 rad: agrees with PROJ's <c>geod</c> (Karney) to well under a
/// millimetre except for nearly antipodal points, where it does not converge and throws — no two places in China are.
/// </remarks>
public static class Geodesic
{
    private const double A = 6378137.0, F = 1 / 298.257222101, B = A * (1 - F);

    /// <summary>The geodesic distance in metres between two EPSG:4490 lon/lat points (degrees).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A coordinate is not finite, or the points are nearly antipodal.</exception>
    public static double DistanceMetres(double lon1, double lat1, double lon2, double lat2)
    {
        if (!double.IsFinite(lon1) || !double.IsFinite(lat1) || !double.IsFinite(lon2) || !double.IsFinite(lat2))
            throw new ArgumentOutOfRangeException(nameof(lon1), "coordinates must be finite degrees");
        var l = Radians(lon2 - lon1);
        var u1 = Math.Atan((1 - F) * Math.Tan(Radians(lat1)));
        var u2 = Math.Atan((1 - F) * Math.Tan(Radians(lat2)));
        double sinU1 = Math.Sin(u1), cosU1 = Math.Cos(u1), sinU2 = Math.Sin(u2), cosU2 = Math.Cos(u2);
        var lambda = l;
        for (var i = 0; i < 200; i++)
        {
            double sinLambda = Math.Sin(lambda), cosLambda = Math.Cos(lambda);
            var sinSigma = Math.Sqrt(Math.Pow(cosU2 * sinLambda, 2) + Math.Pow(cosU1 * sinU2 - sinU1 * cosU2 * cosLambda, 2));
            if (sinSigma == 0)
                return 0;
            var cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
            var sigma = Math.Atan2(sinSigma, cosSigma);
            var sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            var cos2Alpha = 1 - sinAlpha * sinAlpha;
            var cos2SigmaM = cos2Alpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cos2Alpha;
            var c = F / 16 * cos2Alpha * (4 + F * (4 - 3 * cos2Alpha));
            var previous = lambda;
            lambda = l + (1 - c) * F * sinAlpha * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
            if (Math.Abs(lambda - previous) < 1e-12)
            {
                var uSq = cos2Alpha * (A * A - B * B) / (B * B);
                var a = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
                var b = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
                var deltaSigma = b * sinSigma * (cos2SigmaM + b / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
                    - b / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
                return B * a * (sigma - deltaSigma);
            }
        }
        throw new ArgumentOutOfRangeException(nameof(lon2), "the points are nearly antipodal; the distance does not converge");
    }

    /// <summary>
    /// The distance in metres from <paramref name="a"/> to <paramref name="b"/> (EPSG:4490), 0 when they meet: in the
    /// Gauss–Krüger zone of both when they fit one (<see cref="GeometryMeasurement.DistanceMetres(Geometry, Geometry)"/>),
    /// else the geodesic between their nearest points.
    /// </summary>
    /// <remarks>
    /// Beyond one zone the nearest points are found in degrees, so for shapes tens of kilometres wide the figure can
    /// exceed the true shortest distance by a fraction of their size; across hundreds of kilometres that is under 1 %.
    /// </remarks>
    public static double ShortestDistanceMetres(Geometry a, Geometry b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Intersects(b))
            return 0;
        var both = new Envelope(a.EnvelopeInternal);
        both.ExpandToInclude(b.EnvelopeInternal);
        var lon = both.Centre.X;
        if (lon is >= MetricZone.MinLongitude and <= MetricZone.MaxLongitude && MetricZone.For(lon) is var centre && both.MinX >= centre.CentralMeridian - MetricProjection.MaxOffsetDegrees && both.MaxX <= centre.CentralMeridian + MetricProjection.MaxOffsetDegrees)
            return GeometryMeasurement.DistanceMetres(a, b);
        var nearest = DistanceOp.NearestPoints(a, b);
        return DistanceMetres(nearest[0].X, nearest[0].Y, nearest[1].X, nearest[1].Y);
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
