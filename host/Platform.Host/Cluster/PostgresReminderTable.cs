using System.Globalization;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Platform.Host.Database;

namespace Platform.Host.Cluster;

/// <summary>
/// Orleans' reminder table in the platform's PostgreSQL (<c>orleans.reminders</c>), in the single-process mode and
/// in the cluster alike, so a reminder registered by a grain fires after a restart or on another silo.
/// </summary>
/// <remarks>
/// The ADO.NET provider of Orleans needs SQL scripts that its NuGet package does not ship; this table is the
/// platform's own implementation of <see cref="IReminderTable"/> over Npgsql, with the same contract: rows keyed by
/// service, grain and name, an etag that changes on every upsert and guards removal, and range reads over the
/// grains' uniform hash ring (a range <c>(begin, end]</c> that wraps around when begin ≥ end).
/// </remarks>
internal sealed class PostgresReminderTable(PlatformDatabase database, IOptions<ClusterOptions> cluster) : IReminderTable
{
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(database.ConnectionString);

    private string ServiceId => cluster.Value.ServiceId;

    public Task Init() => OrleansSchema.EnsureAsync(database.ConnectionString);

    public async Task<ReminderTableData> ReadRows(GrainId grainId)
    {
        await using var command = await CommandAsync(
            "select grain_id, reminder_name, start_at, period_ms, etag from orleans.reminders where service_id = $1 and grain_id = $2",
            ServiceId, grainId.ToString());
        return new ReminderTableData(await ReadAsync(command));
    }

    public async Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        var condition = begin < end ? "grain_hash > $2 and grain_hash <= $3" : "(grain_hash > $2 or grain_hash <= $3)";
        await using var command = await CommandAsync(
            $"select grain_id, reminder_name, start_at, period_ms, etag from orleans.reminders where service_id = $1 and {condition}",
            ServiceId, (long)begin, (long)end);
        return new ReminderTableData(await ReadAsync(command));
    }

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        await using var command = await CommandAsync(
            "select grain_id, reminder_name, start_at, period_ms, etag from orleans.reminders where service_id = $1 and grain_id = $2 and reminder_name = $3",
            ServiceId, grainId.ToString(), reminderName);
        return (await ReadAsync(command)).FirstOrDefault();
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        await using var command = await CommandAsync(
            """
            insert into orleans.reminders (service_id, grain_id, reminder_name, grain_hash, start_at, period_ms, etag)
            values ($1, $2, $3, $4, $5, $6, 1)
            on conflict (service_id, grain_id, reminder_name)
            do update set start_at = excluded.start_at, period_ms = excluded.period_ms, etag = orleans.reminders.etag + 1
            returning etag
            """,
            ServiceId, entry.GrainId.ToString(), entry.ReminderName, (long)entry.GrainId.GetUniformHashCode(),
            new DateTimeOffset(DateTime.SpecifyKind(entry.StartAt, DateTimeKind.Utc)), (long)entry.Period.TotalMilliseconds);
        var etag = (long)(await command.ExecuteScalarAsync())!;
        return etag.ToString(CultureInfo.InvariantCulture);
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        if (!long.TryParse(eTag, CultureInfo.InvariantCulture, out var etag))
            return false;
        await using var command = await CommandAsync(
            "delete from orleans.reminders where service_id = $1 and grain_id = $2 and reminder_name = $3 and etag = $4",
            ServiceId, grainId.ToString(), reminderName, etag);
        return await command.ExecuteNonQueryAsync() > 0;
    }

    public async Task TestOnlyClearTable()
    {
        await using var command = await CommandAsync("delete from orleans.reminders where service_id = $1", ServiceId);
        await command.ExecuteNonQueryAsync();
    }

    private Task<NpgsqlCommand> CommandAsync(string sql, params object[] parameters)
    {
        // A data source's command opens a pooled connection of its own and returns it when disposed.
        var command = _source.CreateCommand(sql);
        foreach (var p in parameters)
            command.Parameters.AddWithValue(p);
        return Task.FromResult(command);
    }

    private static async Task<List<ReminderEntry>> ReadAsync(NpgsqlCommand command)
    {
        var entries = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = reader.GetFieldValue<DateTime>(2),
                Period = TimeSpan.FromMilliseconds(reader.GetInt64(3)),
                ETag = reader.GetInt64(4).ToString(CultureInfo.InvariantCulture),
            });
        }
        return entries;
    }
}
