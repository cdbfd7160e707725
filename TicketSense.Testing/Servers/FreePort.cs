using System.Net;
using System.Net.Sockets;

namespace TicketSense.Testing.Servers;

/// <summary>Loopback TCP ports: a free one to hand a server, and whether a given one is taken.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The error for a port someone else holds, naming the setting that chooses another.</summary>
    public static InvalidOperationException InUse(string resource, int port, string? portSetting) => new(
        $"{resource}: port {port} is already in use. Stop what uses it, or choose another port with {portSetting}=<port> " +
        $"(environment: {portSetting?.Replace(":", "__")}).");

    public static bool IsInUse(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }
}
