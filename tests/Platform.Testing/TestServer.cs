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
