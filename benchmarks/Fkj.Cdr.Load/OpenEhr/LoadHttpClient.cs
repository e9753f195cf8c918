using System.Net;

namespace Fkj.Cdr.Load.OpenEhr;

/// <summary>
/// The harness's HttpClient: a SocketsHttpHandler that pools and keeps its connections, never follows
/// a redirect (which could lead off this machine) and ignores proxy settings (loopback goes direct).
/// </summary>
public static class LoadHttpClient
{
    public static HttpClient Create(Uri baseAddress, int maxConnections, TimeSpan requestTimeout)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(1, maxConnections),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        return new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = baseAddress,
            Timeout = requestTimeout,
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }
}
