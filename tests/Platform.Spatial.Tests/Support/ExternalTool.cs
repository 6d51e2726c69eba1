using System.Diagnostics;
using System.Text;

namespace Platform.Spatial.Tests;

/// <summary>
/// Runs the independent reference programs (PROJ's cs2cs/geod/projinfo, GDAL's ogrinfo/ogr2ogr, Debian's python3).
/// A missing program fails the test with the apt command that installs it; it never skips.
/// </summary>
internal static class ExternalTool
{
    public static string Run(string program, string aptPackage, IEnumerable<string> arguments, string? stdin = null)
    {
        var path = Locate(program) ?? throw new InvalidOperationException(
            $"'{program}' is not installed; the spatial tests compare against it. Install it with: apt-get install {aptPackage}");
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish in 60 s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', start.ArgumentList)} exited {process.ExitCode}: {stderr.Result}");
        }

        return stdout.Result;
    }

    private static string? Locate(string program)
    {
        if (Path.IsPathRooted(program))
        {
            return File.Exists(program) ? program : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':')
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
    }
}
