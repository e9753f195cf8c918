using System.Net;
using System.Net.Sockets;

namespace Fkj.Cdr.Storage.Embedded;

/// <summary>Finds a TCP port on the loopback interface that is free right now.</summary>
internal static class FreePort
{
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
