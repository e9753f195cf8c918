using System.Collections.Concurrent;
using Fkj.Cdr.Templates.Opt;

namespace Fkj.Cdr.Server.Definitions;

/// <summary>
/// The compiled templates in memory, keyed by the checksum of their OPT bytes. Equal bytes parse to equal
/// templates, so tenants that upload the same OPT share one entry (and its validator and web template);
/// a tenant reaches an entry only through the checksum of its own template row, which row-level security
/// keeps from other tenants. Templates never change once stored, so entries need no invalidation; they
/// live as long as the server (templates are few: an eviction policy can come when deletion does).
/// </summary>
public sealed class CompiledTemplateCache
{
    private readonly ConcurrentDictionary<string, Lazy<CompiledTemplate>> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    /// <summary>The compiled template of these bytes, parsing them with <paramref name="parse"/> only the first time.</summary>
    public CompiledTemplate GetOrAdd(string sha256, Func<OperationalTemplate> parse)
    {
        var lazy = _entries.GetOrAdd(sha256, key => new Lazy<CompiledTemplate>(() => new CompiledTemplate(parse(), key), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            _entries.TryRemove(new KeyValuePair<string, Lazy<CompiledTemplate>>(sha256, lazy));
            throw;
        }
    }

    /// <summary>Adds a template parsed elsewhere (on upload) unless one is cached for its checksum already.</summary>
    public CompiledTemplate Add(string sha256, OperationalTemplate template) => GetOrAdd(sha256, () => template);

    public bool TryGet(string sha256, out CompiledTemplate compiled)
    {
        if (_entries.TryGetValue(sha256, out var lazy) && lazy.IsValueCreated)
        {
            compiled = lazy.Value;
            return true;
        }
        compiled = null!;
        return false;
    }
}
