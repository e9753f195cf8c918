using System.Collections.Concurrent;
using Fkj.Cdr.Aql.Parsing;
using Fkj.Cdr.Aql.Semantics;

namespace Fkj.Cdr.Aql.Compilation;

/// <summary>
/// The stages from query text to SQL: parse (<see cref="AqlParser"/>), analyse against the RM and the path
/// catalogue (<see cref="QueryAnalyzer"/>, giving the <see cref="Planning.QueryPlan"/>), compile
/// (<see cref="SqlCompiler"/>). A compiled query is cached by its text and the catalogue's version, so a query
/// is built once until data at new paths arrives. Parse errors throw <see cref="AqlParseException"/>, semantic
/// ones <see cref="AqlSemanticException"/>; neither is cached.
/// </summary>
public sealed class AqlCompiler
{
    /// <summary>How many compiled queries are kept; past it the cache starts afresh (queries are few and repeated).</summary>
    public const int MaxCached = 2048;

    private readonly ConcurrentDictionary<(string Text, long Version), CompiledQuery> _cache = new();

    /// <summary>How many compiled queries the cache holds.</summary>
    public int Cached => _cache.Count;

    public CompiledQuery Compile(string text, IPathCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(catalogue);
        var key = (text, catalogue.Version);
        if (_cache.TryGetValue(key, out var compiled))
        {
            return compiled;
        }
        compiled = CompileUncached(text, catalogue);
        if (_cache.Count >= MaxCached)
        {
            _cache.Clear();
        }
        _cache[key] = compiled;
        return compiled;
    }

    /// <summary>Parses, analyses and compiles without the cache.</summary>
    public static CompiledQuery CompileUncached(string text, IPathCatalogue catalogue)
    {
        var query = AqlParser.Parse(text);
        var plan = QueryAnalyzer.Analyze(query, catalogue);
        return SqlCompiler.Compile(text, plan);
    }
}
