using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Platform.Testing;

/// <summary>
/// The host run as its own OS process, exactly as an operator runs it (embedded PostgreSQL, no
/// connection string), for the tests of start, crash and restart.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    /// <summary>The smart scene's MQTT broker port of this host process (a free one: test hosts run side by side).</summary>
    public int MqttPort { get; private init; }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static HostProcess Start(string dataDir, params string[] extraArgs)
    {
        var port = FreePort();
        var mqtt = FreePort();
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var a in (string[])[Path.Combine(AppContext.BaseDirectory, "Platform.Host.dll"),
                     "--urls", $"http://127.0.0.1:{port}", $"--Platform:DataDir={dataDir}", $"--Platform:Mqtt:Port={mqtt}", .. extraArgs])
            psi.ArgumentList.Add(a);
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the host");
        return new HostProcess(process, new Uri($"http://127.0.0.1:{port}")) { MqttPort = mqtt };
    }

    /// <summary>
    /// Runs a CLI verb of the host on <paramref name="dataDir"/> as an operator would (<c>user add …</c>), with extra
    /// environment variables; answers its exit code and output.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunVerbAsync(string dataDir, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var a in (string[])[Path.Combine(AppContext.BaseDirectory, "Platform.Host.dll"), .. args, $"--Platform:DataDir={dataDir}", "--Platform:Mqtt:Port=0"])
            psi.ArgumentList.Add(a);
        foreach (var (key, value) in environment)
            psi.Environment[key] = value;
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the host");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>Waits for <c>/health</c> to answer 200; answers how long that took.</summary>
    public async Task<TimeSpan> WaitHealthyAsync(TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        while (watch.Elapsed < timeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"the host exited with {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                    return watch.Elapsed;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"the host was not healthy within {timeout}:\n{Output}");
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address };

    /// <summary>SIGKILL: no shutdown code runs, as in a crash.</summary>
    public void Crash()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as from a service manager; answers the exit code.</summary>
    public async Task<int> TerminateAsync()
    {
        Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            await TerminateAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
