using System.Net;
using Npgsql;

namespace Fkj.Cdr.Load.Options;

/// <summary>
/// The harness sends load only to this machine: a server URL must name a loopback address (or
/// <c>localhost</c>), and so must every host of a connection string (or a Unix socket directory).
/// </summary>
public static class LoopbackGuard
{
    /// <summary>The URL, normalised to end with '/', or an <see cref="OptionException"/> when it is not loopback HTTP.</summary>
    public static Uri RequireLoopbackUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new OptionException($"--url: '{text}' is not an http:// or https:// URL.");
        }
        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new OptionException($"--url: '{text}' must be a plain base URL (no user, query or fragment).");
        }
        if (!IsLoopbackHost(uri.IdnHost))
        {
            throw new OptionException($"--url: '{uri.Host}' is not a loopback address. The harness only loads this machine (127.0.0.0/8, ::1 or localhost).");
        }
        var path = uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath : uri.AbsolutePath + "/";
        return new UriBuilder(uri) { Path = path }.Uri;
    }

    /// <summary>Throws an <see cref="OptionException"/> when a host of the connection string is not on this machine.</summary>
    public static void RequireLoopbackConnectionString(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new OptionException($"--connection-string: not an Npgsql connection string ({e.Message}).");
        }
        var hosts = (builder.Host ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (hosts.Length == 0)
        {
            throw new OptionException("--connection-string: names no Host; give Host=127.0.0.1 (or a Unix socket directory).");
        }
        foreach (var entry in hosts)
        {
            var host = StripPort(entry);
            if (!host.StartsWith('/') && !IsLoopbackHost(host))
            {
                throw new OptionException($"--connection-string: host '{host}' is not a loopback address or a Unix socket directory. The harness only loads this machine.");
            }
        }
    }

    /// <summary>True for <c>localhost</c> and for IP literals in 127.0.0.0/8 or ::1. Names are not resolved.</summary>
    public static bool IsLoopbackHost(string host)
    {
        var h = host.Trim().TrimStart('[').TrimEnd(']');
        if (string.Equals(h, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return IPAddress.TryParse(h, out var address) && IPAddress.IsLoopback(address);
    }

    private static string StripPort(string host)
    {
        if (host.StartsWith('['))
        {
            var close = host.IndexOf(']', StringComparison.Ordinal);
            return close > 0 ? host[..(close + 1)] : host;
        }
        // host:port, but not a bare IPv6 address (more than one colon).
        var colon = host.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon == host.LastIndexOf(':') ? host[..colon] : host;
    }
}
