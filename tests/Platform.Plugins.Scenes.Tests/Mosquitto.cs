using System.Diagnostics;

namespace Platform.Plugins.Scenes.Tests;

/// <summary>Debian's MQTT clients (mosquitto-clients) playing devices against the host's broker on 127.0.0.1.</summary>
internal static class Mosquitto
{
    public sealed record Run(int ExitCode, string Output, string Error);

    /// <summary>mosquitto_pub: one message as the device whose access token is <paramref name="token"/> (ThingsBoard: the token is the user name).</summary>
    public static Task<Run> PublishAsync(int port, string? token, string topic, string message, string version = "mqttv311") =>
        RunAsync("mosquitto_pub", ["-i", $"test-{Guid.NewGuid():N}"[..20], "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-V", version, "-q", "1",
            .. token is null ? Array.Empty<string>() : ["-u", token], "-t", topic, "-m", message], TimeSpan.FromSeconds(20));

    /// <summary>mosquitto_sub: waits for <paramref name="count"/> messages (QoS 1) and prints "topic payload" per line.</summary>
    public static Process Subscribe(int port, string token, string topic, int count)
    {
        var start = new ProcessStartInfo("mosquitto_sub")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { "-i", $"sub-{Guid.NewGuid():N}"[..20], "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-V", "mqttv311", "-q", "1",
                     "-u", token, "-t", topic, "-C", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "-v", "-W", "30" })
            start.ArgumentList.Add(a);
        return Process.Start(start)!;
    }

    public static async Task<Run> RunAsync(string program, IEnumerable<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        return new Run(process.ExitCode, await output, await error);
    }
}
