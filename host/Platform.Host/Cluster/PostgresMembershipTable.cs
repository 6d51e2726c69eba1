using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Platform.Host.Database;

namespace Platform.Host.Cluster;

/// <summary>
/// Orleans' cluster membership table in the platform's PostgreSQL (<c>orleans.membership</c> and its version row),
/// used with <c>--Platform:Cluster=true</c>: every silo started on the same database joins the one cluster.
/// </summary>
/// <remarks>
/// The contract of <see cref="IMembershipTable"/>: a table version that every insert or update moves on by one,
/// written only when the caller's version etag is still current, together with the row (itself guarded by its
/// etag), in one transaction; <c>IAmAlive</c> heartbeats touch only their own column. Rows are the entries as JSON.
/// </remarks>
internal sealed class PostgresMembershipTable(PlatformDatabase database, IOptions<ClusterOptions> cluster) : IMembershipTable
{
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(database.ConnectionString);

    private string ClusterId => cluster.Value.ClusterId;

    public async Task InitializeMembershipTable(bool tryInitTableVersion)
    {
        await OrleansSchema.EnsureAsync(database.ConnectionString);
        if (!tryInitTableVersion)
            return;
        await using var command = _source.CreateCommand(
            "insert into orleans.membership_version (cluster_id, version) values ($1, 0) on conflict do nothing");
        command.Parameters.AddWithValue(ClusterId);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DeleteMembershipTableEntries(string clusterId)
    {
        await using var command = _source.CreateCommand("delete from orleans.membership_version where cluster_id = $1");
        command.Parameters.AddWithValue(clusterId);
        await command.ExecuteNonQueryAsync();
    }

    public async Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate)
    {
        await using var command = _source.CreateCommand(
            "delete from orleans.membership where cluster_id = $1 and status = $2 and i_am_alive < $3");
        command.Parameters.AddWithValue(ClusterId);
        command.Parameters.AddWithValue((int)SiloStatus.Dead);
        command.Parameters.AddWithValue(beforeDate.ToUniversalTime());
        await command.ExecuteNonQueryAsync();
    }

    public Task<MembershipTableData> ReadRow(SiloAddress key) => ReadAsync(key);

    public Task<MembershipTableData> ReadAll() => ReadAsync(null);

    public async Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion)
    {
        await using var connection = await _source.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        if (!await MoveVersionAsync(connection, tx, tableVersion))
            return false;
        await using var insert = new NpgsqlCommand(
            """
            insert into orleans.membership (cluster_id, address, status, entry, i_am_alive, etag)
            values ($1, $2, $3, $4::jsonb, $5, 0) on conflict do nothing
            """, connection, tx);
        insert.Parameters.AddWithValue(ClusterId);
        insert.Parameters.AddWithValue(entry.SiloAddress.ToParsableString());
        insert.Parameters.AddWithValue((int)entry.Status);
        insert.Parameters.AddWithValue(EntryJson.Write(entry));
        insert.Parameters.AddWithValue(Utc(entry.IAmAliveTime));
        if (await insert.ExecuteNonQueryAsync() == 0)
            return false;
        await tx.CommitAsync();
        return true;
    }

    public async Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion)
    {
        if (!int.TryParse(etag, CultureInfo.InvariantCulture, out var rowEtag))
            return false;
        await using var connection = await _source.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        if (!await MoveVersionAsync(connection, tx, tableVersion))
            return false;
        await using var update = new NpgsqlCommand(
            """
            update orleans.membership set status = $3, entry = $4::jsonb, i_am_alive = $5, etag = etag + 1
            where cluster_id = $1 and address = $2 and etag = $6
            """, connection, tx);
        update.Parameters.AddWithValue(ClusterId);
        update.Parameters.AddWithValue(entry.SiloAddress.ToParsableString());
        update.Parameters.AddWithValue((int)entry.Status);
        update.Parameters.AddWithValue(EntryJson.Write(entry));
        update.Parameters.AddWithValue(Utc(entry.IAmAliveTime));
        update.Parameters.AddWithValue(rowEtag);
        if (await update.ExecuteNonQueryAsync() == 0)
            return false;
        await tx.CommitAsync();
        return true;
    }

    public async Task UpdateIAmAlive(MembershipEntry entry)
    {
        await using var command = _source.CreateCommand(
            "update orleans.membership set i_am_alive = $3 where cluster_id = $1 and address = $2");
        command.Parameters.AddWithValue(ClusterId);
        command.Parameters.AddWithValue(entry.SiloAddress.ToParsableString());
        command.Parameters.AddWithValue(Utc(entry.IAmAliveTime));
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Moves the table version to <paramref name="next"/> if it is still the one before (its etag).</summary>
    private async Task<bool> MoveVersionAsync(NpgsqlConnection connection, NpgsqlTransaction tx, TableVersion next)
    {
        if (!int.TryParse(next.VersionEtag, CultureInfo.InvariantCulture, out var expected))
            return false;
        await using var command = new NpgsqlCommand(
            "update orleans.membership_version set version = $2, changed_at = now() where cluster_id = $1 and version = $3",
            connection, tx);
        command.Parameters.AddWithValue(ClusterId);
        command.Parameters.AddWithValue(next.Version);
        command.Parameters.AddWithValue(expected);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    private async Task<MembershipTableData> ReadAsync(SiloAddress? only)
    {
        await using var connection = await _source.OpenConnectionAsync();
        // One snapshot for the version and the rows.
        await using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        await using var versionCommand = new NpgsqlCommand("select version from orleans.membership_version where cluster_id = $1", connection, tx);
        versionCommand.Parameters.AddWithValue(ClusterId);
        var version = await versionCommand.ExecuteScalarAsync() is int v ? v : 0;
        var tableVersion = new TableVersion(version, version.ToString(CultureInfo.InvariantCulture));

        await using var rows = new NpgsqlCommand(
            "select entry::text, i_am_alive, etag from orleans.membership where cluster_id = $1" + (only is null ? "" : " and address = $2"),
            connection, tx);
        rows.Parameters.AddWithValue(ClusterId);
        if (only is not null)
            rows.Parameters.AddWithValue(only.ToParsableString());
        var members = new List<Tuple<MembershipEntry, string>>();
        await using (var reader = await rows.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var entry = EntryJson.Read(reader.GetString(0));
                entry.IAmAliveTime = reader.GetFieldValue<DateTime>(1);
                members.Add(Tuple.Create(entry, reader.GetInt32(2).ToString(CultureInfo.InvariantCulture)));
            }
        }
        await tx.CommitAsync();
        return new MembershipTableData(members, tableVersion);
    }

    private static DateTime Utc(DateTime time) =>
        time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time.ToUniversalTime();

    /// <summary>A membership entry as stored: addresses in Orleans' parsable form, times in UTC.</summary>
    private static class EntryJson
    {
        private sealed record Stored(
            string Address, int Status, List<Suspicion> Suspects, DateTime StartTime, DateTime IAmAliveTime,
            string? HostName, string? SiloName, int ProxyPort, string? RoleName, int UpdateZone, int FaultZone);

        private sealed record Suspicion(string Address, DateTime At);

        public static string Write(MembershipEntry e) => JsonSerializer.Serialize(new Stored(
            e.SiloAddress.ToParsableString(), (int)e.Status,
            (e.SuspectTimes ?? []).Select(s => new Suspicion(s.Item1.ToParsableString(), Utc(s.Item2))).ToList(),
            Utc(e.StartTime), Utc(e.IAmAliveTime), e.HostName, e.SiloName, e.ProxyPort, e.RoleName, e.UpdateZone, e.FaultZone));

        public static MembershipEntry Read(string json)
        {
            var s = JsonSerializer.Deserialize<Stored>(json)!;
            return new MembershipEntry
            {
                SiloAddress = SiloAddress.FromParsableString(s.Address),
                Status = (SiloStatus)s.Status,
                SuspectTimes = s.Suspects.Select(x => Tuple.Create(SiloAddress.FromParsableString(x.Address), x.At)).ToList(),
                StartTime = s.StartTime,
                IAmAliveTime = s.IAmAliveTime,
                HostName = s.HostName ?? "",
                SiloName = s.SiloName ?? "",
                ProxyPort = s.ProxyPort,
                RoleName = s.RoleName,
                UpdateZone = s.UpdateZone,
                FaultZone = s.FaultZone,
            };
        }
    }
}
