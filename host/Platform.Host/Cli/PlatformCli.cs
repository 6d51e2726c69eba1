using Platform.Abstractions.Cli;

namespace Platform.Host.Cli;

/// <summary>
/// <c>Platform.Host &lt;verb&gt; [args] [--Key=value …]</c>: starts the stack without serving HTTP (same
/// configuration keys, same data folder), runs the verb, stops. Verbs come from the modules (<see cref="ICliVerb"/>).
/// </summary>
public static class PlatformCli
{
    private static readonly string[] Verbs = ["user", "report", "rebuild", "backup", "restore", "help", "simulate", "city"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args[0];
        var verbArgs = args.Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal) || !a.Contains('=')).ToList();
        var settings = args.Skip(1).Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=')).ToList();
        // Backup and restore work on the database alone: a restore must not find a running stack on it.
        if (BackupRestore.Verbs.Contains(verb))
            return await BackupRestore.RunAsync(verb, verbArgs, settings, Console.Out);
        // The web server listens on a throw-away loopback port; nothing is served.
        var app = PlatformApplication.Build([.. settings, "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Platform:Cli=true"]);
        if (app is null)
            return 1;
        await app.StartAsync();
        try
        {
            var verbs = app.Services.GetServices<ICliVerb>().ToList();
            var chosen = verbs.FirstOrDefault(v => v.Name == verb);
            if (chosen is null)
            {
                Console.Out.WriteLine("Usage: Platform.Host <verb> … [--Platform:DataDir=DIR]");
                foreach (var v in verbs)
                    Console.Out.WriteLine("  " + v.Usage);
                return verb == "help" ? 0 : 2;
            }
            return await chosen.RunAsync(verbArgs, app.Services, Console.Out, CancellationToken.None);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
