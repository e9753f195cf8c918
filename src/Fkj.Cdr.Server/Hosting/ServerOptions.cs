using System.Collections;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;

namespace Fkj.Cdr.Server.Hosting;

/// <summary>
/// The server's options, from appsettings.json, then environment variables prefixed <c>FKJ_</c>
/// (<c>FKJ_PORT</c>, <c>FKJ_DATADIR</c>, <c>FKJ_CONNECTIONSTRING</c>, <c>FKJ_BIND</c>, <c>FKJ_LOGFORMAT</c>,
/// <c>FKJ_MAXTEMPLATESIZE</c>, <c>FKJ_MAXBODYSIZE</c>, <c>FKJ_SYSTEMID</c>, <c>FKJ_SYNCREADAUDIT</c>,
/// <c>FKJ_MAXCONCURRENTREQUESTS</c>, <c>FKJ_MAXQUEUEDREQUESTS</c>, ...),
/// then the command line; later sources win.
/// </summary>
public sealed class ServerOptions
{
    public const string EnvironmentPrefix = "FKJ_";

    /// <summary>Command-line options and the configuration keys they set.</summary>
    public static IReadOnlyDictionary<string, string> SwitchMappings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--port"] = nameof(Port),
        ["--bind"] = nameof(Bind),
        ["--data-dir"] = nameof(DataDir),
        ["--connection-string"] = nameof(ConnectionString),
        ["--log-format"] = nameof(LogFormat),
        ["--max-template-size"] = nameof(MaxTemplateSize),
        ["--max-body-size"] = nameof(MaxBodySize),
        ["--system-id"] = nameof(SystemId),
        ["--sync-read-audit"] = nameof(SyncReadAudit),
        ["--max-concurrent-requests"] = nameof(MaxConcurrentRequests),
        ["--max-queued-requests"] = nameof(MaxQueuedRequests),
        ["--aql-default-fetch"] = nameof(AqlDefaultFetch),
        ["--aql-max-fetch"] = nameof(AqlMaxFetch),
        ["--aql-timeout"] = nameof(AqlTimeout),
    };

    /// <summary>The HTTP port; 0 picks a free one.</summary>
    public int Port { get; set; } = 5080;

    /// <summary>The address to listen on: 127.0.0.1 (only this machine) unless told otherwise.</summary>
    public string Bind { get; set; } = "127.0.0.1";

    /// <summary>The data directory of the embedded PostgreSQL.</summary>
    public string DataDir { get; set; } = "./.fkj";

    /// <summary>A PostgreSQL connection string; when set, no embedded PostgreSQL is started.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Console log format: <c>json</c> (one JSON object a line) or <c>simple</c> (one line of text).</summary>
    public string LogFormat { get; set; } = "json";

    /// <summary>The largest operational template (OPT) accepted for upload, in bytes; larger ones get 413.</summary>
    public long MaxTemplateSize { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// The largest composition, EHR_STATUS or contribution body accepted, in bytes; larger ones get 413.
    /// </summary>
    public long MaxBodySize { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// The id of this EHR system: AUDIT_DETAILS.system_id of every commit, EHR.system_id, and the middle part of
    /// every version uid (<c>{object_id}::{system_id}::{version}</c>). Set it once per deployment: version uids
    /// handed out under one system id are not found under another.
    /// </summary>
    public string SystemId { get; set; } = "fkj.cdr";

    /// <summary>
    /// Whether the audit record of a read (and of a refused request) is committed synchronously, like every write.
    /// By default it is committed asynchronously: the request does not wait for the record to reach the disk, and a
    /// crash of the database server a fraction of a second later can lose it (PostgreSQL's asynchronous commit; a
    /// write's record is always in the write's own synchronous transaction).
    /// </summary>
    public bool SyncReadAudit { get; set; }

    /// <summary>
    /// How many requests run at once (see <see cref="AdmissionControl"/>). The default, four per core, keeps the
    /// cores and the database busy; more in flight only lengthens every request's wait for them.
    /// </summary>
    public int MaxConcurrentRequests { get; set; } = Math.Max(8, 4 * Environment.ProcessorCount);

    /// <summary>How many more requests may wait for their turn before the server answers 503 with Retry-After.</summary>
    public int MaxQueuedRequests { get; set; } = 256;

    /// <summary>How many rows an AQL query returns when neither its LIMIT nor the request's fetch says.</summary>
    public int AqlDefaultFetch { get; set; } = 1000;

    /// <summary>The most rows an AQL query returns in one answer, whatever LIMIT or fetch ask for.</summary>
    public int AqlMaxFetch { get; set; } = 10000;

    /// <summary>
    /// Seconds an AQL query may run in PostgreSQL before it is cancelled there (statement_timeout) and answered
    /// 503 query_timeout: a runaway population query must not hold a connection and a core for ever.
    /// </summary>
    public int AqlTimeout { get; set; } = 30;

    /// <summary>Reads the options and returns them with the configuration they came from.</summary>
    public static (ServerOptions Options, IConfiguration Configuration) Load(string[] args, IDictionary? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariables();
        var fromEnvironment = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in environment)
        {
            if (entry.Key is string key && key.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            {
                fromEnvironment[key[EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal)] = entry.Value as string;
            }
        }
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddInMemoryCollection(fromEnvironment)
            .AddCommandLine(args, SwitchMappings.ToDictionary())
            .Build();
        var options = new ServerOptions();
        try
        {
            configuration.Bind(options);
        }
        catch (InvalidOperationException e)
        {
            throw new CommandLineException($"Invalid option value: {e.InnerException?.Message ?? e.Message}");
        }
        options.Validate();
        return (options, configuration);
    }

    /// <summary>The address <see cref="Bind"/> names.</summary>
    public IPAddress BindAddress() => Bind.Trim().ToLowerInvariant() switch
    {
        "localhost" => IPAddress.Loopback,
        "*" or "any" => IPAddress.Any,
        var text => IPAddress.TryParse(text, out var address)
            ? address
            : throw new CommandLineException($"--bind: '{Bind}' is not an IP address (try 127.0.0.1, 0.0.0.0 or ::)."),
    };

    private void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new CommandLineException($"--port: {Port.ToString(CultureInfo.InvariantCulture)} is not a TCP port (0 to 65535).");
        }
        _ = BindAddress();
        if (string.IsNullOrWhiteSpace(DataDir))
        {
            throw new CommandLineException("--data-dir must not be empty.");
        }
        if (MaxTemplateSize <= 0)
        {
            throw new CommandLineException($"--max-template-size: {MaxTemplateSize.ToString(CultureInfo.InvariantCulture)} is not a positive number of bytes.");
        }
        if (MaxBodySize <= 0)
        {
            throw new CommandLineException($"--max-body-size: {MaxBodySize.ToString(CultureInfo.InvariantCulture)} is not a positive number of bytes.");
        }
        if (string.IsNullOrWhiteSpace(SystemId) || SystemId.Contains("::", StringComparison.Ordinal) || SystemId.Any(char.IsWhiteSpace))
        {
            throw new CommandLineException($"--system-id: '{SystemId}' is not a system id (a non-empty name without spaces or '::', such as fkj.cdr or cdr.kommune.no).");
        }
        if (MaxConcurrentRequests <= 0 || MaxQueuedRequests < 0)
        {
            throw new CommandLineException("--max-concurrent-requests must be positive and --max-queued-requests not negative.");
        }
        if (AqlTimeout <= 0)
        {
            throw new CommandLineException($"--aql-timeout: {AqlTimeout.ToString(CultureInfo.InvariantCulture)} is not a positive number of seconds.");
        }
        if (AqlDefaultFetch <= 0 || AqlMaxFetch < AqlDefaultFetch)
        {
            throw new CommandLineException("--aql-default-fetch and --aql-max-fetch must be positive, and the default not above the maximum.");
        }
        if (LogFormat is not ("json" or "simple"))
        {
            throw new CommandLineException($"--log-format: '{LogFormat}' is neither json nor simple.");
        }
    }
}
