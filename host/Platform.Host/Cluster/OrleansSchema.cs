using Npgsql;

namespace Platform.Host.Cluster;

/// <summary>
/// The tables Orleans keeps in the platform's PostgreSQL (schema <c>orleans</c>, apart from Marten's <c>platform</c>):
/// reminders always, cluster membership when the platform runs as a cluster. Created by the platform on first
/// start, idempotently (<c>if not exists</c>, under an advisory lock so that silos starting together do not race),
/// so an existing database gains them without any step by the operator.
/// </summary>
internal static class OrleansSchema
{
    public const string Name = "orleans";

    /// <summary>Key of the advisory lock held while the schema is created (any constant of the platform's own).</summary>
    private const long CreationLock = 0x504C_4154_4F52_4C4E; // "PLATORLN"

    private const string Ddl = """
        create schema if not exists orleans;
        create table if not exists orleans.reminders (
            service_id text not null,
            grain_id text not null,
            reminder_name text not null,
            grain_hash bigint not null,
            start_at timestamptz not null,
            period_ms bigint not null,
            etag bigint not null,
            primary key (service_id, grain_id, reminder_name));
        create index if not exists reminders_by_hash on orleans.reminders (service_id, grain_hash);
        create table if not exists orleans.membership_version (
            cluster_id text primary key,
            version integer not null,
            changed_at timestamptz not null default now());
        create table if not exists orleans.membership (
            cluster_id text not null references orleans.membership_version (cluster_id) on delete cascade,
            address text not null,
            status integer not null,
            entry jsonb not null,
            i_am_alive timestamptz not null,
            etag integer not null,
            primary key (cluster_id, address));
        """;

    private static readonly SemaphoreSlim Created = new(1, 1);
    private static readonly HashSet<string> Done = [];

    /// <summary>Creates the schema once per process and connection string.</summary>
    public static async Task EnsureAsync(string connectionString, CancellationToken ct = default)
    {
        await Created.WaitAsync(ct);
        try
        {
            if (Done.Contains(connectionString))
                return;
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await using (var lockCommand = new NpgsqlCommand("select pg_advisory_xact_lock($1)", connection, tx))
            {
                lockCommand.Parameters.AddWithValue(CreationLock);
                await lockCommand.ExecuteNonQueryAsync(ct);
            }
            await using (var ddl = new NpgsqlCommand(Ddl, connection, tx))
                await ddl.ExecuteNonQueryAsync(ct);
            await tx.CommitAsync(ct);
            Done.Add(connectionString);
        }
        finally
        {
            Created.Release();
        }
    }
}
