using System.Net.Sockets;
using Npgsql;

namespace TicketSense.Core.Data;

/// <summary>
/// Tells a store that cannot be reached (down, restarting, timing out) from a bug: the first is worth a 503 and a
/// retry by the client, the second is not.
/// </summary>
public static class StorageFailure
{
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true } or SocketException or TimeoutException
                || e is NpgsqlException { InnerException: SocketException or IOException or TimeoutException }) return true;
        }
        return false;
    }
}
