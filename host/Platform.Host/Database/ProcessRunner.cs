using System.Diagnostics;

namespace Platform.Host.Database;

/// <summary>Runs a command to completion, optionally as another OS user, and reports its output on failure.</summary>
internal static class ProcessRunner
{
    public sealed record Outcome(int ExitCode, string Output);

    public static async Task<Outcome> RunAsync(string file, IEnumerable<string> args, string? asUser = null, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (asUser is not null)
        {
            psi.FileName = "runuser";
            foreach (var a in (string[])["-u", asUser, "--", file])
                psi.ArgumentList.Add(a);
        }
        else
        {
            psi.FileName = file;
        }
        foreach (var a in args)
            psi.ArgumentList.Add(a);

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {file}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {(timeout ?? TimeSpan.FromMinutes(2)).TotalSeconds:0} s.");
        }
        return new Outcome(process.ExitCode, (await stdout + await stderr).Trim());
    }

    public static async Task<string> RunCheckedAsync(string file, IEnumerable<string> args, string? asUser = null, TimeSpan? timeout = null)
    {
        var outcome = await RunAsync(file, args, asUser, timeout);
        if (outcome.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed with exit code {outcome.ExitCode}: {outcome.Output}");
        return outcome.Output;
    }
}
