using System.Globalization;
using System.Threading.Channels;
using Marten;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Platform.Plugins.Smart.Settings;

namespace Platform.Plugins.Smart.Telemetry;

/// <summary>
/// Readings in PostgreSQL, not in the event store: one row per data point in <c>smart_telemetry</c>, a table partitioned
/// by UTC day, written by binary COPY in batches from an in-memory queue; partitions older than the retention period are
/// dropped whole. Client attributes (latest value per key) are upserted into <c>smart_attributes</c>.
/// The connection comes from Marten's store (the platform's database and schema).
/// </summary>
public sealed class TelemetryStore(IDocumentStore store, SmartOptions options, TimeProvider clock, ILogger<TelemetryStore> logger)
{
    private readonly Channel<Row> _queue = Channel.CreateBounded<Row>(new BoundedChannelOptions(4_000_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly string _schema = store.Options.DatabaseSchemaName;
    private long _enqueued;
    private long _written;
    private long _lost;
    private long _batches;
    private Task? _loop;
    private CancellationTokenSource? _stop;

    public long Enqueued => Interlocked.Read(ref _enqueued);
    public long Written => Interlocked.Read(ref _written);
    public long Lost => Interlocked.Read(ref _lost);
    public long Batches => Interlocked.Read(ref _batches);
    public string Table => $"{_schema}.smart_telemetry";

    private readonly record struct Row(Guid Device, DateTimeOffset Ts, string Key, double? Number, string? Text);

    public NpgsqlConnection Connection() => (NpgsqlConnection)store.Storage.Database.CreateConnection();

    public async Task StartAsync(CancellationToken ct)
    {
        await using (var conn = Connection())
        {
            await conn.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand($"""
                CREATE TABLE IF NOT EXISTS {Table} (
                    device_id uuid NOT NULL, ts timestamptz NOT NULL, key text NOT NULL, num double precision, txt text
                ) PARTITION BY RANGE (ts);
                CREATE INDEX IF NOT EXISTS smart_telemetry_device_key_ts ON {Table} (device_id, key, ts);
                CREATE TABLE IF NOT EXISTS {_schema}.smart_attributes (
                    device_id uuid NOT NULL, key text NOT NULL, num double precision, txt text, ts timestamptz NOT NULL,
                    PRIMARY KEY (device_id, key));
                """, conn);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await MaintainPartitionsAsync(ct);
        _stop = new CancellationTokenSource();
        _loop = Task.Run(() => WriteLoopAsync(_stop.Token), CancellationToken.None);
        _ = Task.Run(() => MaintenanceLoopAsync(_stop.Token), CancellationToken.None);
    }

    public async Task StopAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is not null)
            await Task.WhenAny(_loop, Task.Delay(TimeSpan.FromSeconds(10)));
        _stop?.Cancel();
    }

    /// <summary>Queues readings for the next COPY; false (and counted as lost) only when the store is stopping.</summary>
    public async ValueTask<bool> EnqueueAsync(Guid device, IReadOnlyList<Reading> readings, CancellationToken ct = default)
    {
        foreach (var r in readings)
        {
            try
            {
                await _queue.Writer.WriteAsync(new Row(device, r.Ts, r.Key, r.Number, r.Text), ct);
            }
            catch (ChannelClosedException)
            {
                Interlocked.Increment(ref _lost);
                return false;
            }
            Interlocked.Increment(ref _enqueued);
        }
        return true;
    }

    /// <summary>Waits until everything queued so far is written (tests, the benchmark, shutdown).</summary>
    public async Task FlushAsync(TimeSpan timeout)
    {
        var target = Enqueued;
        var until = DateTime.UtcNow + timeout;
        while (Written + Lost < target && DateTime.UtcNow < until)
            await Task.Delay(10);
    }

    public async Task UpsertAttributesAsync(Guid device, IReadOnlyList<Reading> readings, CancellationToken ct = default)
    {
        await using var conn = Connection();
        await conn.OpenAsync(ct);
        var batch = new NpgsqlBatch(conn);
        foreach (var r in readings)
        {
            var c = new NpgsqlBatchCommand($"""
                INSERT INTO {_schema}.smart_attributes (device_id, key, num, txt, ts) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (device_id, key) DO UPDATE SET num = excluded.num, txt = excluded.txt, ts = excluded.ts
                WHERE {_schema}.smart_attributes.ts <= excluded.ts
                """);
            c.Parameters.Add(new NpgsqlParameter { Value = device });
            c.Parameters.Add(new NpgsqlParameter { Value = r.Key });
            c.Parameters.Add(new NpgsqlParameter { Value = (object?)r.Number ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Double });
            c.Parameters.Add(new NpgsqlParameter { Value = (object?)r.Text ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            c.Parameters.Add(new NpgsqlParameter { Value = r.Ts });
            batch.BatchCommands.Add(c);
        }
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The last value per key of a device (telemetry or client attributes).</summary>
    public async Task<IReadOnlyList<Reading>> LatestAsync(Guid device, bool attributes, CancellationToken ct = default)
    {
        await using var conn = Connection();
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(attributes
            ? $"SELECT ts, key, num, txt FROM {_schema}.smart_attributes WHERE device_id = $1"
            : $"SELECT DISTINCT ON (key) ts, key, num, txt FROM {Table} WHERE device_id = $1 ORDER BY key, ts DESC", conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = device });
        return await ReadAsync(cmd, ct);
    }

    /// <summary>A device's readings of <paramref name="key"/> between two times, oldest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<Reading>> HistoryAsync(Guid device, string key, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken ct = default)
    {
        await using var conn = Connection();
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand($"SELECT ts, key, num, txt FROM {Table} WHERE device_id = $1 AND key = $2 AND ts >= $3 AND ts <= $4 ORDER BY ts LIMIT $5", conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = device });
        cmd.Parameters.Add(new NpgsqlParameter { Value = key });
        cmd.Parameters.Add(new NpgsqlParameter { Value = from.ToUniversalTime() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = to.ToUniversalTime() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = limit });
        return await ReadAsync(cmd, ct);
    }

    /// <summary>The daily partitions that exist, oldest first (for the retention check and the docs).</summary>
    public async Task<IReadOnlyList<string>> PartitionsAsync(CancellationToken ct = default)
    {
        await using var conn = Connection();
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand($"""
            SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
            JOIN pg_namespace n ON n.oid = p.relnamespace WHERE p.relname = 'smart_telemetry' AND n.nspname = $1 ORDER BY c.relname
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = _schema });
        var names = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            names.Add(reader.GetString(0));
        return names;
    }

    /// <summary>Creates the partitions from the retention limit to two days ahead and drops those wholly older than the limit.</summary>
    public async Task MaintainPartitionsAsync(CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var oldest = today.AddDays(-options.RetentionDays);
        var existing = await PartitionsAsync(ct);
        await using var conn = Connection();
        await conn.OpenAsync(ct);
        for (var day = oldest; day <= today.AddDays(2); day = day.AddDays(1))
        {
            var name = PartitionName(day);
            if (existing.Contains(name))
                continue;
            await using var cmd = new NpgsqlCommand(
                $"CREATE TABLE IF NOT EXISTS {_schema}.{name} PARTITION OF {Table} FOR VALUES FROM ('{day:yyyy-MM-dd} 00:00:00+00') TO ('{day.AddDays(1):yyyy-MM-dd} 00:00:00+00')", conn);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        foreach (var name in existing)
        {
            if (DateOnly.TryParseExact(name["smart_telemetry_p".Length..], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day < oldest)
            {
                await using var cmd = new NpgsqlCommand($"DROP TABLE IF EXISTS {_schema}.{name}", conn);
                await cmd.ExecuteNonQueryAsync(ct);
                logger.LogInformation("Telemetry partition {Partition} dropped (older than {Days} days)", name, options.RetentionDays);
            }
        }
    }

    public static string PartitionName(DateOnly day) => $"smart_telemetry_p{day:yyyyMMdd}";

    /// <summary>Raw binary COPY of rows into the table, outside the queue: the benchmark's baseline.</summary>
    public async Task<long> CopyAsync(IEnumerable<(Guid Device, DateTimeOffset Ts, string Key, double? Number, string? Text)> rows, CancellationToken ct = default)
    {
        await using var conn = Connection();
        await conn.OpenAsync(ct);
        return await CopyAsync(conn, rows.Select(r => new Row(r.Device, r.Ts, r.Key, r.Number, r.Text)), ct);
    }

    private async Task<long> CopyAsync(NpgsqlConnection conn, IEnumerable<Row> rows, CancellationToken ct)
    {
        await using var importer = await conn.BeginBinaryImportAsync($"COPY {Table} (device_id, ts, key, num, txt) FROM STDIN (FORMAT BINARY)", ct);
        // Synchronous row writes: the importer buffers, and an await per value costs more than the COPY itself.
        foreach (var r in rows)
        {
            importer.StartRow();
            importer.Write(r.Device, NpgsqlDbType.Uuid);
            importer.Write(r.Ts.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            importer.Write(r.Key, NpgsqlDbType.Text);
            if (r.Number is { } n)
                importer.Write(n, NpgsqlDbType.Double);
            else
                importer.WriteNull();
            if (r.Text is { } t)
                importer.Write(t, NpgsqlDbType.Text);
            else
                importer.WriteNull();
        }
        return (long)await importer.CompleteAsync(ct);
    }

    private async Task WriteLoopAsync(CancellationToken ct)
    {
        var reader = _queue.Reader;
        var batch = new List<Row>(options.BatchSize);
        NpgsqlConnection? conn = null;
        try
        {
            while (await reader.WaitToReadAsync(ct))
            {
                batch.Clear();
                while (batch.Count < options.BatchSize && reader.TryRead(out var row))
                    batch.Add(row);
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        if (conn is null)
                        {
                            conn = Connection();
                            await conn.OpenAsync(ct);
                        }
                        await CopyAsync(conn, batch, ct);
                        Interlocked.Add(ref _written, batch.Count);
                        Interlocked.Increment(ref _batches);
                        break;
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        if (conn is not null)
                            await conn.DisposeAsync();
                        conn = null;
                        if (attempt >= 3)
                        {
                            Interlocked.Add(ref _lost, batch.Count);
                            logger.LogError("Telemetry batch of {Rows} rows not stored after {Attempts} attempts: {Error}", batch.Count, attempt, e.Message);
                            break;
                        }
                        await Task.Delay(200 * attempt, ct);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            if (conn is not null)
                await conn.DisposeAsync();
        }
    }

    private async Task MaintenanceLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromHours(1), ct);
                await MaintainPartitionsAsync(ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Telemetry partition maintenance failed: {Error}", e.Message);
            }
        }
    }

    private static async Task<IReadOnlyList<Reading>> ReadAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var list = new List<Reading>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            list.Add(new Reading(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetDouble(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        return list;
    }
}
