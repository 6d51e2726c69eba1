using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;
using Platform.Host.Database;

namespace Platform.Host.Cli;

/// <summary>
/// <c>backup FILE</c> and <c>restore FILE</c>: the platform's whole database (event store, read models, Orleans'
/// tables, the host's operational tables) with <c>pg_dump</c>/<c>pg_restore</c> of the machine's PostgreSQL package,
/// in PostgreSQL's custom format, showing each table as it goes. They work on the embedded server of the data folder
/// (started for the occasion, or the running host's) or on the external one of <c>ConnectionStrings:Platform</c>.
/// A restore replaces everything in one transaction and refuses while a host uses the embedded server.
/// </summary>
internal static partial class BackupRestore
{
    public static readonly string[] Verbs = ["backup", "restore"];

    public static async Task<int> RunAsync(string verb, IReadOnlyList<string> args, IReadOnlyList<string> settingArgs, TextWriter output)
    {
        if (args.Count != 1 || (verb == "restore" && !File.Exists(args[0])))
        {
            output.WriteLine($"Usage: {verb} FILE   (" + (verb == "restore" ? "a file written by backup" : "PostgreSQL custom format") + ")");
            return 2;
        }
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. settingArgs])
            .Build();
        var settings = PlatformSettings.From(configuration);
        using var loggers = LoggerFactory.Create(b => b.AddConsole().SetMinimumLevel(LogLevel.Warning));
        await using var database = PlatformDatabase.Open(settings, loggers.CreateLogger("Platform.Database"));
        if (verb == "restore" && database.Embedded is { Owned: false })
        {
            output.WriteLine("A running platform host uses this data folder's database: stop it before restoring.");
            return 3;
        }
        var bin = PostgresBinaries.Locate(settings.PostgresBinDirectory).Directory;
        var cs = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        string[] connection = ["-h", cs.Host ?? "127.0.0.1", "-p", cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", cs.Username ?? "", "-d", cs.Database ?? ""];
        var file = Path.GetFullPath(args[0]);
        var watch = Stopwatch.StartNew();
        int exit;
        if (verb == "backup")
        {
            var tables = await CountTablesAsync(database.ConnectionString);
            output.WriteLine($"Backing up {cs.Database} on {cs.Host}:{cs.Port} ({tables} tables) to {file}");
            exit = await RunToolAsync(Path.Combine(bin, "pg_dump"), [.. connection, "--format=custom", "--no-owner", "--verbose", "--file", file],
                cs.Password, tables, DumpedTable(), output);
        }
        else
        {
            var entries = await CountEntriesAsync(Path.Combine(bin, "pg_restore"), file);
            output.WriteLine($"Restoring {file} ({entries} tables of data) into {cs.Database} on {cs.Host}:{cs.Port}");
            exit = await RunToolAsync(Path.Combine(bin, "pg_restore"),
                [.. connection, "--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", "--verbose", file],
                cs.Password, entries, RestoredTable(), output);
        }
        output.WriteLine(exit == 0
            ? $"{(verb == "backup" ? "Backup" : "Restore")} finished in {watch.Elapsed.TotalSeconds:0.0} s" + (verb == "backup" ? $", {new FileInfo(file).Length / 1024.0 / 1024.0:0.0} MB" : "")
            : $"{verb} failed (exit code {exit})");
        return exit;
    }

    private static async Task<int> RunToolAsync(string tool, string[] args, string? password, int total, Regex progress, TextWriter output)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        if (password is not null)
            psi.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {tool}");
        var done = 0;
        var errors = new List<string>();
        var stdout = process.StandardOutput.ReadToEndAsync();
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            if (progress.Match(line) is { Success: true } m)
                output.WriteLine($"  [{++done,3}/{Math.Max(total, done),3}] {m.Groups[1].Value}");
            else if (line.Contains("error", StringComparison.OrdinalIgnoreCase) || line.Contains("fatal", StringComparison.OrdinalIgnoreCase))
                errors.Add(line);
        }
        await process.WaitForExitAsync();
        await stdout;
        foreach (var e in errors)
            output.WriteLine(e);
        return process.ExitCode;
    }

    private static async Task<int> CountTablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select count(*) from pg_tables where schemaname not in ('pg_catalog', 'information_schema')", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<int> CountEntriesAsync(string pgRestore, string file)
    {
        var list = await ProcessRunner.RunAsync(pgRestore, ["--list", file]);
        return list.Output.Split('\n').Count(l => l.Contains(" TABLE DATA ", StringComparison.Ordinal));
    }

    [GeneratedRegex("""dumping contents of table "?([^"]+(?:"\."[^"]+)?)"?""")]
    private static partial Regex DumpedTable();

    [GeneratedRegex("""processing data for table "?([^"]+(?:"\."[^"]+)?)"?""")]
    private static partial Regex RestoredTable();
}
