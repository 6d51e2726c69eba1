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
        var others = (await session.Query<CompoundSummary>().Where(c => c.Id != self).ToListAsync()).Where(c => c.RetiredOn is null || today < c.RetiredOn);
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
