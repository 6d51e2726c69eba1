using System.Diagnostics;
using System.Globalization;

namespace Platform.Maps.Tests.Support;

/// <summary>Runs the independent reference tools (PROJ's cs2cs, GDAL's ogrinfo) the tests compare against.</summary>
internal static class Tools
{
    public static Task<string> RunAsync(string file, params string[] args) => RunWithInputAsync(file, null, args);

    /// <summary>Runs <paramref name="file"/> with <paramref name="input"/> on its standard input (a name of its own, so that an argument is never taken for the input).</summary>
    public static Task<string> RunWithInputAsync(string file, string? input, params string[] args) => RunAsync(file, input, null, args);

    public static Task<string> RunWithEnvironmentAsync(string file, IReadOnlyDictionary<string, string> environment, string[] args) =>
        RunAsync(file, null, environment, args);

    private static async Task<string> RunAsync(string file, string? input, IReadOnlyDictionary<string, string>? environment, string[] args)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
        };
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            psi.Environment[name] = value;
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"{file} did not start");
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(cts.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}:\n{await stderr}\n{await stdout}");
        return await stdout;
    }

    /// <summary>cs2cs with EPSG axis order: input lat lon (EPSG:4490), output northing easting (EPSG:4544).</summary>
    public static async Task<(double North, double East)> Cs2csTo4544Async(double lon, double lat)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{lat:R} {lon:R}\n");
        var output = await RunWithInputAsync("cs2cs", line, "-f", "%.6f", "EPSG:4490", "EPSG:4544");
        var parts = output.Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}

/// <summary>The repository's root (the folder holding Platform.sln), found above the test binaries.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No Platform.sln above {AppContext.BaseDirectory}.");
    }
}
