using System.Net;
using System.Net.Sockets;

namespace Platform.Host;

/// <summary>Ports on 127.0.0.1 for the embedded PostgreSQL and the silo, which must not assume theirs are unused.</summary>
internal static class LoopbackPorts
{
    /// <summary>A port the operating system says is free right now.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>True when <paramref name="port"/> can be listened on now.</summary>
    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
