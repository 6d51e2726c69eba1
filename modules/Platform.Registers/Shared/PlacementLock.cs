using Marten;

namespace Platform.Registers.Shared;

/// <summary>
/// A PostgreSQL advisory lock on a session of its own, held from a placement check until after the commit, so that checks
/// spanning a whole register (no two sites, no two compounds overlap) are one at a time across every silo.
/// </summary>
internal static class PlacementLock
{
    /// <summary>Takes the placement lock; disposing the answer releases it (after the caller's commit).</summary>
    public static async Task<IAsyncDisposable> HoldAsync(IDocumentStore store, long key)
    {
        var connection = store.Storage.Database.CreateConnection();
        try
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("select pg_advisory_lock($1)", connection);
            command.Parameters.AddWithValue(key);
            await command.ExecuteNonQueryAsync();
            return new HeldLock(connection, key);
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
    private sealed class HeldLock(Npgsql.NpgsqlConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new Npgsql.NpgsqlCommand("select pg_advisory_unlock($1)", connection);
                command.Parameters.AddWithValue(key);
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
}
