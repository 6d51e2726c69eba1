using System.Globalization;
using Marten;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Jurisdiction;
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
    internal static async Task<IAsyncDisposable> HoldWriteLockAsync(IDocumentStore store)
    {
        var connection = store.Storage.Database.CreateConnection();
        try
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("select pg_advisory_lock($1)", connection);
            command.Parameters.AddWithValue(AdvisoryLockKey);
            await command.ExecuteNonQueryAsync();
            return new HeldLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Unlocks explicitly: a pooled connection's session outlives its Close (Npgsql resets it only when it is
    /// next used), so leaving the unlock to the pool would keep the lock.
    /// </summary>
    private sealed class HeldLock(Npgsql.NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new Npgsql.NpgsqlCommand("select pg_advisory_unlock($1)", connection);
                command.Parameters.AddWithValue(AdvisoryLockKey);
                await command.ExecuteNonQueryAsync();
            }
            catch (Npgsql.NpgsqlException)
            {
                // The session is gone, and the lock with it; the broken connection must not go back to the pool.
                Npgsql.NpgsqlConnection.ClearPool(connection);
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }

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
