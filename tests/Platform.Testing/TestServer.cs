using Microsoft.Extensions.Logging.Abstractions;
using Platform.Host.Database;

namespace Platform.Testing;

/// <summary>
/// The one PostgreSQL server of a test run, started on first use with the platform's own launcher and
/// stopped when the test process exits. Each test class gets a database of its own on it.
/// </summary>
public static class TestServer
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "platform-tests-" + Environment.ProcessId);

    private static readonly Lazy<Task<EmbeddedPostgres>> Server = new(async () =>
    {
        var server = await EmbeddedPostgres.StartAsync(Path.Combine(Root, "server"), "postgres", null, NullLogger.Instance);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            TryDelete(Root);
        };
        return server;
    });

    /// <summary>A fresh, empty database; answers its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var server = await Server.Value;
        var name = $"{prefix.ToLowerInvariant()}_{Guid.NewGuid():N}";
        await server.EnsureDatabaseAsync(name);
        return server.ConnectionString(name);
    }

    private const string DemoTemplate = "demo_template";
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static bool _templateReady;

    /// <summary>
    /// A fresh database holding the demo data, cloned from a template database that one host seeded
    /// once for the whole run (PostgreSQL <c>CREATE DATABASE … TEMPLATE</c>): seeding the demo is the slow
    /// part of a first start, and every class that needs the demo gets its own copy in a fraction of it.
    /// </summary>
    public static async Task<string> CreateDemoDatabaseAsync(string prefix)
    {
        var server = await Server.Value;
        await TemplateLock.WaitAsync();
        try
        {
            if (!_templateReady)
            {
                await server.EnsureDatabaseAsync(DemoTemplate);
                await using (var seeding = PlatformFactory.ForDatabase(server.ConnectionString(DemoTemplate), CreateFolder("template")))
                    _ = seeding.Services;
                await ExecuteAsync(server, $"select pg_terminate_backend(pid) from pg_stat_activity where datname = '{DemoTemplate}' and pid <> pg_backend_pid()");
                _templateReady = true;
            }
            var name = $"{prefix.ToLowerInvariant()}_{Guid.NewGuid():N}";
            await ExecuteAsync(server, $"create database \"{name}\" template {DemoTemplate}");
            return server.ConnectionString(name);
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static async Task ExecuteAsync(EmbeddedPostgres server, string sql)
    {
        var cs = new Npgsql.NpgsqlConnectionStringBuilder(server.ConnectionString("postgres")) { Pooling = false }.ConnectionString;
        await using var connection = new Npgsql.NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A fresh folder under the run's temporary root, reachable by the postgres OS user.</summary>
    public static string CreateFolder(string prefix)
    {
        var dir = Path.Combine(Root, prefix + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
