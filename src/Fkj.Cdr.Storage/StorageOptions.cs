namespace Fkj.Cdr.Storage;

/// <summary>Which PostgreSQL the CDR uses.</summary>
public sealed class StorageOptions
{
    /// <summary>
    /// A connection string to an existing PostgreSQL database. When set, no embedded server is started.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The data directory of the embedded server, used when <see cref="ConnectionString"/> is empty.</summary>
    public string DataDirectory { get; set; } = "./.fkj";

    /// <summary>Extra settings for the embedded server (for example a smaller shared_buffers in tests).</summary>
    public IDictionary<string, string> EmbeddedSettings { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public bool UsesEmbeddedServer => string.IsNullOrWhiteSpace(ConnectionString);
}
