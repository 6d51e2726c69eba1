using System.Globalization;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Host.Database;

/// <summary>
/// A PostgreSQL server that the platform runs itself, from the machine's PostgreSQL package, in a
/// folder under the data directory: initialised on first start, started on a free loopback port,
/// stopped on dispose. A server left running by a crashed host is adopted; a stale lock is removed.
/// </summary>
/// <remarks>
/// PostgreSQL refuses to run as root, so when this process is root the server runs as the
/// <c>postgres</c> OS user. That user must be able to reach the data directory; when a parent folder
/// forbids it (a checkout under <c>/root</c>, say), the server files go to
/// <c>/var/tmp/platform-postgres/&lt;hash of the data directory&gt;</c> instead and a warning says so.
/// Unix sockets are disabled: clients connect over TCP on 127.0.0.1 with a generated password that is
/// stored next to the data, readable only by the platform's OS user.
/// </remarks>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    private const string Superuser = "platform";
    private readonly PostgresBinaries _binaries;
    private readonly string _serverDir;
    private readonly string? _runAs;
    private readonly ILogger _logger;
    private readonly string? _ownerFile;
    private bool _stopped;

    private EmbeddedPostgres(PostgresBinaries binaries, string serverDir, string? runAs, string password, int port, ILogger logger, string? ownerFile)
    {
        _ownerFile = ownerFile;
        _binaries = binaries;
        _serverDir = serverDir;
        _runAs = runAs;
        _logger = logger;
        Port = port;
        Password = password;
    }

    /// <summary>The loopback TCP port the server listens on.</summary>
    public int Port { get; }

    internal string Password { get; }

    /// <summary>The folder holding the cluster (<c>PGDATA</c>).</summary>
    public string ClusterDirectory => Path.Combine(_serverDir, "data");

    /// <summary>A connection string to <paramref name="database"/> as the server's superuser.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = Superuser,
            Password = Password,
            Database = database,
            Pooling = true,
            // One host needs far fewer; beyond this, callers wait for a free connection instead of the server
            // refusing new ones (max_connections below), e.g. while the demo registers its records side by side.
            MaxPoolSize = MaxPoolSize,
        }.ConnectionString;

    /// <summary>
    /// The role the platform connects as: it owns the platform's database and everything in it, and is no superuser
    /// (the bootstrap superuser <c>platform</c> is kept for administration: creating databases and this role).
    /// </summary>
    public const string OwnerRole = "platform_owner";

    /// <summary>A connection string to <paramref name="database"/> as <see cref="OwnerRole"/> (same generated password).</summary>
    public string OwnerConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(ConnectionString(database)) { Username = OwnerRole }.ConnectionString;

    /// <summary>
    /// Creates <see cref="OwnerRole"/> if needed and makes it the owner of <paramref name="database"/> and of every
    /// schema, table, sequence, view and function in it — also of those an earlier version created as the superuser.
    /// </summary>
    public async Task EnsureOwnerRoleAsync(string database, CancellationToken ct = default)
    {
        var quotedDb = "\"" + database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString("postgres")) { Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var role = new NpgsqlCommand(
                $"""
                do $$ begin
                  if not exists (select 1 from pg_roles where rolname = '{OwnerRole}') then
                    create role {OwnerRole} login nosuperuser nocreatedb nocreaterole noreplication;
                  end if;
                end $$;
                alter role {OwnerRole} password '{Password}';
                alter database {quotedDb} owner to {OwnerRole};
                """, connection);
            await role.ExecuteNonQueryAsync(ct);
        }
        var inDatabase = new NpgsqlConnectionStringBuilder(ConnectionString(database)) { Pooling = false };
        await using (var connection = new NpgsqlConnection(inDatabase.ConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var transfer = new NpgsqlCommand(
                $"""
                do $$
                declare r record;
                begin
                  for r in select nspname from pg_namespace n join pg_roles o on o.oid = n.nspowner
                           where nspname not like 'pg\_%' and nspname <> 'information_schema' and o.rolname <> '{OwnerRole}'
                           and o.rolname <> 'pg_database_owner' loop
                    execute format('alter schema %I owner to {OwnerRole}', r.nspname);
                  end loop;
                  for r in select n.nspname, c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                           join pg_roles o on o.oid = c.relowner
                           where n.nspname not like 'pg\_%' and n.nspname <> 'information_schema' and o.rolname <> '{OwnerRole}'
                           and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
                           -- a sequence owned by a table's column moves with its table
                           and not (c.relkind = 'S' and exists (select 1 from pg_depend d where d.objid = c.oid
                                    and d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')))
                           order by c.relkind = 'S' loop
                    execute format(case when r.relkind = 'S' then 'alter sequence %I.%I owner to {OwnerRole}'
                                        when r.relkind = 'v' then 'alter view %I.%I owner to {OwnerRole}'
                                        when r.relkind = 'm' then 'alter materialized view %I.%I owner to {OwnerRole}'
                                        when r.relkind = 'f' then 'alter foreign table %I.%I owner to {OwnerRole}'
                                        else 'alter table %I.%I owner to {OwnerRole}' end, r.nspname, r.relname);
                  end loop;
                  for r in select p.oid::regprocedure as sig, p.prokind from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                           join pg_roles o on o.oid = p.proowner
                           where n.nspname not like 'pg\_%' and n.nspname <> 'information_schema' and o.rolname <> '{OwnerRole}' loop
                    execute format(case when r.prokind = 'p' then 'alter procedure %s owner to {OwnerRole}'
                                        else 'alter routine %s owner to {OwnerRole}' end, r.sig);
                  end loop;
                  for r in select n.nspname, t.typname from pg_type t join pg_namespace n on n.oid = t.typnamespace
                           join pg_roles o on o.oid = t.typowner
                           where n.nspname not like 'pg\_%' and n.nspname <> 'information_schema' and o.rolname <> '{OwnerRole}'
                           and t.typtype in ('c', 'd', 'e') and not exists (select 1 from pg_class c where c.reltype = t.oid and c.relkind <> 'c') loop
                    execute format('alter type %I.%I owner to {OwnerRole}', r.nspname, r.typname);
                  end loop;
                end $$;
                """, connection);
            await transfer.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Connections one process keeps at most (Npgsql's pool); the server accepts <see cref="MaxConnections"/>.</summary>
    public const int MaxPoolSize = 30;

    /// <summary>
    /// The server's <c>max_connections</c>: room for the host, the CLI beside it, and the several hosts a test run
    /// starts on one server (PostgreSQL's default of 100 was exhausted there).
    /// </summary>
    public const int MaxConnections = 300;

    /// <summary>
    /// Initialises (first time), starts or adopts the server for <paramref name="dataDirectory"/>, and
    /// makes sure <paramref name="database"/> exists.
    /// </summary>
    /// <exception cref="PostgresNotInstalledException">The machine has no PostgreSQL server package.</exception>
    public static async Task<EmbeddedPostgres> StartAsync(
        string dataDirectory, string database, string? binDirectory, ILogger logger, CancellationToken ct = default)
    {
        var binaries = PostgresBinaries.Locate(binDirectory);
        var dataDir = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(dataDir);
        var runAs = IsRoot() ? "postgres" : null;
        var serverDir = await ChooseServerDirectoryAsync(dataDir, runAs, logger);
        var password = ReadOrCreatePassword(Path.Combine(dataDir, "postgres.secret"));
        var clusterDir = Path.Combine(serverDir, "data");

        if (!File.Exists(Path.Combine(clusterDir, "PG_VERSION")))
            await InitialiseAsync(binaries, serverDir, clusterDir, runAs, password, logger);

        var ownerFile = Path.Combine(dataDir, "postgres.owner");
        var adopted = await AdoptRunningServerAsync(clusterDir, password, logger);
        // A server another live process started (a running host, while this is a CLI command) is shared:
        // used, never stopped. One left by a crashed process is taken over.
        var shared = adopted is not null && LiveOwner(ownerFile) is { } owner && owner != Environment.ProcessId;
        if (shared)
            logger.LogInformation("Using the embedded PostgreSQL of the running platform process {Pid}", LiveOwner(ownerFile));
        var port = adopted ?? await StartServerAsync(binaries, serverDir, clusterDir, runAs, PreferredPort(dataDir), logger);
        await File.WriteAllTextAsync(Path.Combine(dataDir, "postgres.port"), port.ToString(CultureInfo.InvariantCulture), ct);
        if (!shared)
            await File.WriteAllTextAsync(ownerFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture), ct);

        var server = new EmbeddedPostgres(binaries, serverDir, runAs, password, port, logger, shared ? null : ownerFile);
        await server.EnsureDatabaseAsync(database, ct);
        return server;
    }

    /// <summary>True when this process started (or took over) the server and stops it on dispose.</summary>
    public bool Owned => _ownerFile is not null;

    /// <summary>True while the server's postmaster process is alive.</summary>
    public bool IsRunning()
    {
        var pidFile = Path.Combine(ClusterDirectory, "postmaster.pid");
        try
        {
            var first = File.Exists(pidFile) ? File.ReadLines(pidFile).FirstOrDefault() : null;
            return int.TryParse(first, CultureInfo.InvariantCulture, out var pid) && IsPostgresProcess(pid);
        }
        catch (IOException)
        {
            return true; // being written by a starting server
        }
    }

    /// <summary>
    /// Starts the server again after it died, on the same port (connection strings name it), and empties the
    /// connection pools of connections to the dead one.
    /// </summary>
    public async Task RestartAsync(CancellationToken ct = default)
    {
        if (_stopped)
            return;
        if (!LoopbackPorts.IsFree(Port))
            throw new InvalidOperationException($"port {Port} is still taken");
        var port = await StartServerAsync(_binaries, _serverDir, ClusterDirectory, _runAs, Port, _logger);
        if (port != Port)
            throw new InvalidOperationException($"the server came up on port {port} instead of {Port}");
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Creates <paramref name="database"/> if it does not exist yet.</summary>
    public async Task EnsureDatabaseAsync(string database, CancellationToken ct = default)
    {
        // Unpooled: a one-off administrative connection that must not be served from a pool of a server that died.
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString("postgres")) { Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection);
        exists.Parameters.AddWithValue(database);
        if (await exists.ExecuteScalarAsync(ct) is not null)
            return;
        var quoted = "\"" + database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var create = new NpgsqlCommand($"create database {quoted} encoding 'UTF8'", connection);
        await create.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Stops the server (fast shutdown: open transactions are rolled back).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopped)
            return;
        _stopped = true;
        NpgsqlConnection.ClearAllPools();
        if (_ownerFile is null)
            return;
        File.Delete(_ownerFile);
        var outcome = await ProcessRunner.RunAsync(_binaries.PgCtl, ["-D", ClusterDirectory, "-m", "fast", "-w", "-t", "60", "stop"], _runAs);
        if (outcome.ExitCode != 0)
            _logger.LogWarning("Stopping the embedded PostgreSQL failed: {Output}", outcome.Output);
        else
            _logger.LogInformation("Embedded PostgreSQL stopped");
    }

    private static async Task<string> ChooseServerDirectoryAsync(string dataDir, string? runAs, ILogger logger)
    {
        var preferred = Path.Combine(dataDir, "postgres");
        if (runAs is null)
            return CreateOwned(preferred, null);
        var reachable = await ProcessRunner.RunAsync("test", ["-x", dataDir, "-a", "-r", dataDir], runAs);
        if (reachable.ExitCode == 0)
            return CreateOwned(preferred, runAs);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dataDir)))[..12];
        var fallback = Path.Combine("/var/tmp/platform-postgres", hash);
        logger.LogWarning(
            "The OS user {User} cannot reach {DataDir} (a parent folder lacks search permission); " +
            "the embedded PostgreSQL keeps its files in {Fallback} instead", runAs, dataDir, fallback);
        Directory.CreateDirectory(Path.GetDirectoryName(fallback)!);
        return CreateOwned(fallback, runAs);
    }

    private static string CreateOwned(string dir, string? owner)
    {
        Directory.CreateDirectory(dir);
        if (owner is not null && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            ProcessRunner.RunCheckedAsync("chown", [$"{owner}:{owner}", dir]).GetAwaiter().GetResult();
        }
        return dir;
    }

    private static async Task InitialiseAsync(
        PostgresBinaries binaries, string serverDir, string clusterDir, string? runAs, string password, ILogger logger)
    {
        if (Directory.Exists(clusterDir))
        {
            // A cluster folder without PG_VERSION is what an interrupted initdb leaves behind.
            logger.LogWarning("Removing the incomplete PostgreSQL cluster in {Dir} left by an interrupted first start", clusterDir);
            Directory.Delete(clusterDir, recursive: true);
        }
        logger.LogInformation("Initialising the embedded PostgreSQL cluster in {Dir}", clusterDir);
        var pwFile = Path.Combine(serverDir, ".initdb-password");
        await File.WriteAllTextAsync(pwFile, password);
        if (runAs is not null)
            await ProcessRunner.RunCheckedAsync("chown", [$"{runAs}:{runAs}", pwFile]);
        try
        {
            await ProcessRunner.RunCheckedAsync(binaries.InitDb,
                ["-D", clusterDir, "-U", Superuser, "--pwfile", pwFile, "--auth-local=scram-sha-256",
                 "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"],
                runAs, TimeSpan.FromMinutes(3));
        }
        finally
        {
            File.Delete(pwFile);
        }
    }

    private static async Task<int?> AdoptRunningServerAsync(string clusterDir, string password, ILogger logger)
    {
        var pidFile = Path.Combine(clusterDir, "postmaster.pid");
        if (!File.Exists(pidFile))
            return null;
        var lines = await File.ReadAllLinesAsync(pidFile);
        if (lines.Length >= 4
            && int.TryParse(lines[0], CultureInfo.InvariantCulture, out var pid)
            && int.TryParse(lines[3], CultureInfo.InvariantCulture, out var port)
            && IsPostgresProcess(pid))
        {
            if (await CanConnectAsync(port, password))
            {
                logger.LogWarning("Adopting the embedded PostgreSQL (pid {Pid}, port {Port}) left running by an earlier host", pid, port);
                return port;
            }
            throw new InvalidOperationException(
                $"A PostgreSQL server (pid {pid}) holds {clusterDir} but does not accept connections on port {port}; stop it and start again.");
        }
        logger.LogWarning("Removing the stale PostgreSQL lock file {File} left by a crash", pidFile);
        File.Delete(pidFile);
        return null;
    }

    private static async Task<int> StartServerAsync(
        PostgresBinaries binaries, string serverDir, string clusterDir, string? runAs, int? preferredPort, ILogger logger)
    {
        var port = preferredPort is { } p && LoopbackPorts.IsFree(p) ? p : LoopbackPorts.Free();
        var options = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections={MaxConnections}";
        string[] args = ["-D", clusterDir, "-l", Path.Combine(serverDir, "server.log"), "-o", options, "-w", "-t", "60", "start"];
        // setsid keeps the server out of the terminal's process group, so Ctrl+C reaches the host
        // alone and the host stops the server itself after its own orderly shutdown.
        var outcome = File.Exists("/usr/bin/setsid")
            ? await ProcessRunner.RunAsync("setsid", runAs is null ? [binaries.PgCtl, .. args] : ["runuser", "-u", runAs, "--", binaries.PgCtl, .. args])
            : await ProcessRunner.RunAsync(binaries.PgCtl, args, runAs);
        if (outcome.ExitCode != 0)
        {
            var log = Path.Combine(serverDir, "server.log");
            var tail = File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(10)) : "";
            throw new InvalidOperationException($"The embedded PostgreSQL did not start: {outcome.Output}\n{tail}");
        }
        logger.LogInformation("Embedded PostgreSQL listening on 127.0.0.1:{Port}", port);
        return port;
    }

    private static async Task<bool> CanConnectAsync(int port, string password)
    {
        var cs = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port, Username = Superuser, Password = password, Database = "postgres",
            Timeout = 5, Pooling = false,
        }.ConnectionString;
        try
        {
            await using var connection = new NpgsqlConnection(cs);
            await connection.OpenAsync();
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            return false;
        }
    }

    private static int? LiveOwner(string ownerFile)
    {
        if (!File.Exists(ownerFile) || !int.TryParse(File.ReadAllText(ownerFile).Trim(), CultureInfo.InvariantCulture, out var pid))
            return null;
        return Directory.Exists($"/proc/{pid}") ? pid : null;
    }

    private static bool IsPostgresProcess(int pid)
    {
        var comm = $"/proc/{pid}/comm";
        return File.Exists(comm) && File.ReadAllText(comm).Trim().StartsWith("postgres", StringComparison.Ordinal);
    }

    private static string ReadOrCreatePassword(string path)
    {
        if (File.Exists(path))
            return File.ReadAllText(path).Trim();
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        File.WriteAllText(path, password);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return password;
    }

    private static int? PreferredPort(string dataDir)
    {
        var file = Path.Combine(dataDir, "postgres.port");
        return File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), CultureInfo.InvariantCulture, out var port) ? port : null;
    }

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();

    private static bool IsRoot() => OperatingSystem.IsLinux() && GetEffectiveUserId() == 0;
}
