using System.Net;
using System.Net.Sockets;

namespace Fkj.Cdr.Load.Hosting;

/// <summary>A TCP port on 127.0.0.1 that is free right now.</summary>
public static class FreeTcpPort
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
