using System.Globalization;
using Marten;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Commands;
using Platform.Spatial;

namespace Platform.Registers.Compounds;

/// <summary>
/// A compound's boundary does not overlap another compound in force by more than <see cref="ToleranceSquareMetres"/>:
/// a household lives in one compound. Checked at registration and at every move, while holding
/// <see cref="AdvisoryLockKey"/> (as the sites' rule does), so two grains cannot place overlapping compounds at once.
/// </summary>
internal static class CompoundsMustNotOverlapRule
{
    public const double ToleranceSquareMetres = 1;

    /// <summary>The advisory lock key of compound placement ("PLATCOMP"), the same in every silo.</summary>
    internal const long AdvisoryLockKey = 0x504C_4154_434F_4D50;

    public static async Task<Rejection?> CheckAsync(Geometry outline, Guid self, IDocumentStore store)
    {
        var today = DateOnly.FromDateTime(DateTime.Today);
        await using var session = store.QuerySession();
        // Only compounds whose bounding box meets the new one's (and any projected before the box was kept: all zero).
        var (minX, minY, maxX, maxY) = (outline.EnvelopeInternal.MinX, outline.EnvelopeInternal.MinY, outline.EnvelopeInternal.MaxX, outline.EnvelopeInternal.MaxY);
        var near = await session.Query<CompoundSummary>()
            .Where(c => c.Id != self && ((c.MinLon == 0 && c.MaxLon == 0) || (c.MinLon <= maxX && c.MaxLon >= minX && c.MinLat <= maxY && c.MaxLat >= minY)))
            .ToListAsync();
        var others = near.Where(c => c.RetiredOn is null || today < c.RetiredOn);
        foreach (var other in others)
        {
            var g = WellKnownText.Read(other.GeometryWkt);
            if (!g.EnvelopeInternal.Intersects(outline.EnvelopeInternal) || !g.Intersects(outline))
                continue;
            var overlap = g.Intersection(outline);
            var area = overlap.IsEmpty ? 0 : GeometryMeasurement.AreaSquareMetres(overlap);
            if (area <= ToleranceSquareMetres)
                continue;
            var at = GeometryMeasurement.InteriorPoint(overlap);
            return new Rejection(409, "geometry",
                string.Format(CultureInfo.InvariantCulture, "The compound overlaps {0} by {1:0.0} m² around {2:0.000000},{3:0.000000}.", other.Name, area, at.X, at.Y),
                string.Format(CultureInfo.InvariantCulture, "小区范围与“{0}”重叠 {1:0.0} 平方米，位置约在 {2:0.000000},{3:0.000000}。", other.Name, area, at.X, at.Y))
            { AreaSquareMetres = Math.Round(area, 1), Location = [at.X, at.Y] };
        }
        return null;
    }
}
