using System.Globalization;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Commands;
using Platform.Jurisdiction.Units;
using Platform.Spatial;

namespace Platform.Jurisdiction.Rules;

/// <summary>
/// Communities and villages must not overlap one another, nor resident groups one another, beyond
/// the tolerance; a resident group must lie inside its parent. Areas are measured in the local
/// Gauss–Krüger zone; the location given is an interior point of the offending part.
/// </summary>
internal static class UnitsOfOneTierMustNotOverlapRule
{
    public static Rejection? Check(
        Geometry candidate, UnitLevel level, DateOnly date, IEnumerable<(Guid Id, UnitVersion Version, Geometry Geometry)> others,
        double toleranceSquareMetres)
    {
        foreach (var (_, version, geometry) in others)
        {
            if (version.Level.Tier() != level.Tier() || version.DelegatedFromStreet is not null)
                continue;
            if (!candidate.EnvelopeInternal.Intersects(geometry.EnvelopeInternal) || !candidate.Intersects(geometry))
                continue;
            var overlap = candidate.Intersection(geometry);
            var area = GeometryMeasurement.AreaSquareMetres(overlap);
            if (area <= toleranceSquareMetres)
                continue;
            var at = GeometryMeasurement.InteriorPoint(overlap);
            return new Rejection(409, "geometry",
                string.Format(CultureInfo.InvariantCulture, "The boundary overlaps {0} ({1}) by {2:0.0} m² around {3:0.000000},{4:0.000000} on {5:yyyy-MM-dd}.",
                    version.Name, version.Code, area, at.X, at.Y, date),
                string.Format(CultureInfo.InvariantCulture, "边界与{0}重叠 {1:0.0} 平方米，位置约在 {2:0.000000},{3:0.000000}。", version.Name, area, at.X, at.Y))
            {
                AreaSquareMetres = Math.Round(area, 1),
                Location = [at.X, at.Y],
            };
        }
        return null;
    }

    public static Rejection? CheckInsideParent(Geometry candidate, UnitVersion parent, Geometry parentGeometry, double toleranceSquareMetres)
    {
        var outside = candidate.Difference(parentGeometry);
        if (outside.IsEmpty)
            return null;
        var area = GeometryMeasurement.AreaSquareMetres(outside);
        if (area <= toleranceSquareMetres)
            return null;
        var at = GeometryMeasurement.InteriorPoint(outside);
        return new Rejection(409, "geometry",
            string.Format(CultureInfo.InvariantCulture, "The boundary extends {0:0.0} m² beyond its parent {1} around {2:0.000000},{3:0.000000}.", area, parent.Name, at.X, at.Y),
            string.Format(CultureInfo.InvariantCulture, "边界超出上级单位{0} {1:0.0} 平方米，位置约在 {2:0.000000},{3:0.000000}。", parent.Name, area, at.X, at.Y))
        {
            AreaSquareMetres = Math.Round(area, 1),
            Location = [at.X, at.Y],
        };
    }
}
