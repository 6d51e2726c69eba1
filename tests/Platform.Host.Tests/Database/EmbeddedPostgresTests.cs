using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.Host.Database;
using Platform.Testing;

namespace Platform.Host.Tests.Database;

public sealed class EmbeddedPostgresTests
{
    [Fact]
    public async Task SecondStart_AfterOrderlyStop_KeepsTheData()
    {
        var dir = TestServer.CreateFolder("pg-reuse");
        await using (var first = await EmbeddedPostgres.StartAsync(dir, "platform", null, NullLogger.Instance))
            await ExecuteAsync(first, "create table kept(v text); insert into kept values ('兴隆湖')");

        await using var second = await EmbeddedPostgres.StartAsync(dir, "platform", null, NullLogger.Instance);

        Assert.Equal("兴隆湖", await ScalarAsync(second, "select v from kept"));
    }

    [Fact]
    public async Task Start_WhenAnEarlierHostCrashedAndLeftTheServerRunning_AdoptsIt()
    {
        var dir = TestServer.CreateFolder("pg-adopt");
        var orphan = await EmbeddedPostgres.StartAsync(dir, "platform", null, NullLogger.Instance);
        await ExecuteAsync(orphan, "create table t(v int); insert into t values (42)");
        // The host "crashes": it never disposes the server, which keeps running.

        await using var adopted = await EmbeddedPostgres.StartAsync(dir, "platform", null, NullLogger.Instance);

        Assert.Equal(orphan.Port, adopted.Port);
        Assert.Equal(42, await ScalarAsync(adopted, "select v from t"));
    }

    [Fact]
    public async Task Start_WhenTheServerWasKilledAndLeftAStaleLock_StartsAgainWithTheData()
    {
        var dir = TestServer.CreateFolder("pg-stale");
        var killed = await EmbeddedPostgres.StartAsync(dir, "platform", null, NullLogger.Instance);
        await ExecuteAsync(killed, "create table t(v int); insert into t values (7)");
        var pid = int.Parse(File.ReadLines(Path.Combine(killed.ClusterDirectory, "postmaster.pid")).First());
        Process.GetProcessById(pid).Kill();
        await WaitUntilGoneAsync(pid);
        Assert.True(File.Exists(Path.Combine(killed.ClusterDirectory, "postmaster.pid")), "the kill should leave a stale lock behind");

        await using var restarted = await EmbeddedPostgres.StartAsync(dir, "platform", null, NullLogger.Instance);

        Assert.Equal(7, await ScalarAsync(restarted, "select v from t"));
    }

    [Fact]
    public void Locate_WithoutServerBinaries_NamesThePackageToInstall()
    {
        var empty = TestServer.CreateFolder("no-pg");

        var e = Assert.Throws<PostgresNotInstalledException>(() => PostgresBinaries.Locate(null, empty));

        Assert.Contains("apt-get install postgresql", e.Message);
    }

    private static async Task ExecuteAsync(EmbeddedPostgres server, string sql)
    {
        await using var connection = new NpgsqlConnection(Unpooled(server));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(EmbeddedPostgres server, string sql)
    {
        await using var connection = new NpgsqlConnection(Unpooled(server));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    // A restarted host is a new process with no pool; unpooled connections model that here.
    private static string Unpooled(EmbeddedPostgres server) =>
        new NpgsqlConnectionStringBuilder(server.ConnectionString("platform")) { Pooling = false }.ConnectionString;

    private static async Task WaitUntilGoneAsync(int pid)
    {
        for (var i = 0; i < 100 && Directory.Exists($"/proc/{pid}"); i++)
            await Task.Delay(100);
        // Child processes of the killed postmaster exit on their own once they notice.
        await Task.Delay(500);
    }
}
