using System.Runtime.InteropServices;

namespace Platform.Host;

/// <summary>
/// When the host was launched by <c>dotnet run</c> and that driver is killed (even with SIGKILL),
/// asks the kernel to send this process SIGTERM, so that it shuts down in order and stops its
/// embedded PostgreSQL instead of living on as an orphan that holds the port.
/// </summary>
internal static class ParentProcessWatch
{
    private const int PrSetPdeathsig = 1;
    private const int Sigterm = 15;

    public static void TerminateWithDotnetRun()
    {
        if (!OperatingSystem.IsLinux())
            return;
        var parent = ParentCommandLine();
        if (parent is null || !parent.Contains("dotnet", StringComparison.Ordinal) || !parent.Contains("\0run", StringComparison.Ordinal))
            return;
        _ = SetParentDeathSignal(PrSetPdeathsig, Sigterm);
    }

    private static string? ParentCommandLine()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            // Fields after the command name in parentheses: state, ppid, ...
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return File.ReadAllText($"/proc/{fields[1]}/cmdline");
        }
        catch (IOException)
        {
            return null;
        }
    }

    [DllImport("libc", EntryPoint = "prctl")]
    private static extern int SetParentDeathSignal(int option, ulong signal);
}
