using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;
using Platform.Testing;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Platform.Host.Tests.Cluster;

/// <summary>
/// Two silo processes in one cluster on one PostgreSQL: silo A runs the embedded server of its data folder (with the
/// demo), silo B joins through <c>ConnectionStrings:Platform</c> naming that server, as a second machine would.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    public string DataDirA { get; } = TestServer.CreateFolder("cluster-a");

    public HostProcess A { get; private set; } = null!;

    public HostProcess B { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        // The smart scene's demo publisher plays devices that report (and now and then raise an alarm) on their own; the
        // cluster's steps compare the database before and after an operation, so no writer may run but the tests.
        A = HostProcess.Start(DataDirA, "--Platform:Cluster=true", "--Platform:Smart:DemoPublisher=false");
        await A.WaitHealthyAsync(StartTimeout);
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = int.Parse(await File.ReadAllTextAsync(Path.Combine(DataDirA, "postgres.port")), System.Globalization.CultureInfo.InvariantCulture),
            Username = "platform_owner", // the platform's own role, not the server's superuser
            Password = (await File.ReadAllTextAsync(Path.Combine(DataDirA, "postgres.secret"))).Trim(),
            Database = "platform",
        }.ConnectionString;
        B = HostProcess.Start(TestServer.CreateFolder("cluster-b"), "--Platform:Cluster=true", "--Platform:Smart:DemoPublisher=false", "--ConnectionStrings:Platform=" + ConnectionString);
        await B.WaitHealthyAsync(StartTimeout);
        await WaitForSilosAsync(A, 2, TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
    }

    /// <summary>A client of <paramref name="host"/> signed in as the demo administrator.</summary>
    public static async Task<HttpClient> AdminAsync(HostProcess host)
    {
        var client = host.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);
        var login = await client.PostAsJsonAsync("/api/auth/login", new { username = "admin", password = Auth.DemoPassword });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The silos <paramref name="host"/>'s <c>/health</c> lists as active.</summary>
    public static async Task<List<string>> SilosAsync(HostProcess host)
    {
        using var client = host.CreateClient();
        var health = JsonDocument.Parse(await client.GetStringAsync("/health")).RootElement;
        return [.. health.GetProperty("checks").GetProperty("silo").GetProperty("data").GetProperty("silos").EnumerateArray().Select(s => s.GetString()!)];
    }

    public static async Task WaitForSilosAsync(HostProcess host, int count, TimeSpan timeout)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await SilosAsync(host)).Count == count)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            if (watch.Elapsed > timeout)
                throw new TimeoutException($"{host.Address} did not list {count} silo(s) within {timeout}:\n{host.Output}");
            await Task.Delay(250);
        }
    }

    /// <summary>
    /// SHA-256 over every read model (Marten's document tables: id and JSON body, in id order) or, with
    /// <paramref name="withEvents"/>, over the event store too — computed by the test from the tables, not by the platform.
    /// </summary>
    /// <summary>
    /// Every document table's rows (and, <paramref name="withEvents"/>, the event table's), one SHA-256 per table: a
    /// mismatch then names the table that differs and how many rows each side holds.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> HashAsync(string connectionString, bool withEvents)
    {
        var digests = await DigestsAsync(connectionString, withEvents);
        return digests;
    }

    /// <summary>The event store's high-water mark: the last sequence number appended.</summary>
    public static async Task<long> LastEventAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select coalesce(max(seq_id), 0) from platform.mt_events", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<IReadOnlyDictionary<string, string>> DigestsAsync(string connectionString, bool withEvents)
    {
        // Unpooled: a pooled connection may be one to the server the PostgreSQL test killed.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select tablename from pg_tables where schemaname = 'platform' and tablename like 'mt_doc_%' order by tablename", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }
        var queries = tables.Select(t => (t, $"select id::text, data::text from platform.{t} order by id")).ToList();
        if (withEvents)
            queries.Add(("mt_events", "select id::text || ' ' || stream_id::text || ' ' || version || ' ' || type, data::text from platform.mt_events order by seq_id"));
        var digests = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (table, sql) in queries)
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var rows = 0;
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                sha.AppendData(Encoding.UTF8.GetBytes($"{reader.GetString(0)}|{reader.GetString(1)}\n"));
                rows++;
            }
            digests[table] = $"{Convert.ToHexStringLower(sha.GetHashAndReset())[..16]} ({rows} rows)";
        }
        return digests;
    }
}


[CollectionDefinition("Cluster")]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>;

/// <summary>Runs a class's tests in the order of their <see cref="StepAttribute"/>: each step leaves the cluster as the next expects.</summary>
public sealed class StepOrderer : ITestCaseOrderer
{
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases.OrderBy(t => t.TestMethod.Method.GetCustomAttributes(typeof(StepAttribute).AssemblyQualifiedName!)
            .Select(a => a.GetNamedArgument<int>(nameof(StepAttribute.Number))).FirstOrDefault());
}

[AttributeUsage(AttributeTargets.Method)]
public sealed class StepAttribute : Attribute
{
    public int Number { get; set; }
}
