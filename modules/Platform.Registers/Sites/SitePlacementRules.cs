using System.Globalization;
using Marten;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Jurisdiction;
using Platform.Registers.Shared;
using Platform.Spatial;

namespace Platform.Registers.Sites;

/// <summary>
/// A site lies inside the territory the street manages (its own and delegated areas) and does not
/// overlap another site that is not cancelled, each beyond <see cref="ToleranceSquareMetres"/>.
/// </summary>
/// <remarks>
/// The overlap check reads the other sites' read models (inline projections, committed with their events).
/// Each site has its own grain, and with several silos those grains live in several processes, so two sites drawn
/// over each other in the same instant would both pass a bare check: the grains therefore check and append while
/// holding the PostgreSQL advisory lock <see cref="AdvisoryLockKey"/> (<see cref="HoldWriteLockAsync"/>), which makes
/// placement writes one at a time across the whole cluster. The lock belongs to a database session of its own that
/// is held from the check until the event is committed; if the process dies, the server ends the session and the
/// lock with it, so a crash cannot leave placement blocked.
/// </remarks>
internal static class SitePlacementRules
{
    public const double ToleranceSquareMetres = 1;

    /// <summary>The advisory lock key of site placement ("PLATSITE"), the same in every silo.</summary>
    internal const long AdvisoryLockKey = 0x504C_4154_5349_5445;

    /// <summary>Takes the placement lock; disposing the answer releases it (after the caller's commit).</summary>
    internal static Task<IAsyncDisposable> HoldWriteLockAsync(IDocumentStore store) => PlacementLock.HoldAsync(store, AdvisoryLockKey);

    public static async Task<Rejection?> CheckAsync(Geometry geometry, Guid self, IDocumentStore store, IJurisdictionLocator jurisdiction)
    {
        var today = DateOnly.FromDateTime(DateTime.Today);
        if (await jurisdiction.ManagedTerritoryWktAsync(today) is { } territoryWkt)
        {
            var outside = geometry.Difference(WellKnownText.Read(territoryWkt));
            var area = outside.IsEmpty ? 0 : GeometryMeasurement.AreaSquareMetres(outside);
            var beyond = geometry is Point ? !outside.IsEmpty : area > ToleranceSquareMetres;
            if (beyond)
            {
                var at = GeometryMeasurement.InteriorPoint(outside);
                return new Rejection(409, "geometry",
                    string.Format(CultureInfo.InvariantCulture, "The site lies outside the street's territory ({0:0.0} m² outside) around {1:0.000000},{2:0.000000}.", area, at.X, at.Y),
                    string.Format(CultureInfo.InvariantCulture, "点位超出街道辖区（超出 {0:0.0} 平方米），位置约在 {1:0.000000},{2:0.000000}。", area, at.X, at.Y))
                { AreaSquareMetres = Math.Round(area, 1), Location = [at.X, at.Y] };
            }
        }
        if (geometry is Point)
            return null;
        await using var session = store.QuerySession();
        var others = await session.Query<SiteSummary>().Where(s => s.Id != self && s.Status != SiteStatus.Cancelled).ToListAsync();
        foreach (var other in others)
        {
            var g = WellKnownText.Read(other.GeometryWkt);
            if (g is Point || !g.EnvelopeInternal.Intersects(geometry.EnvelopeInternal) || !g.Intersects(geometry))
                continue;
            var overlap = g.Intersection(geometry);
            var area = GeometryMeasurement.AreaSquareMetres(overlap);
            if (area <= ToleranceSquareMetres)
                continue;
            var at = GeometryMeasurement.InteriorPoint(overlap);
            return new Rejection(409, "geometry",
                string.Format(CultureInfo.InvariantCulture, "The site overlaps {0} by {1:0.0} m² around {2:0.000000},{3:0.000000}.", other.Name, area, at.X, at.Y),
                string.Format(CultureInfo.InvariantCulture, "点位与“{0}”重叠 {1:0.0} 平方米，位置约在 {2:0.000000},{3:0.000000}。", other.Name, area, at.X, at.Y))
            { AreaSquareMetres = Math.Round(area, 1), Location = [at.X, at.Y] };
        }
        return null;
    }
}
