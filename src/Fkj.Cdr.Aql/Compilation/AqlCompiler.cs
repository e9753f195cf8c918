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

    // Queries whose FROM takes archetype ids from parameters, with those parameters' names: planned per value.
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _parameterised = new();

    /// <summary>How many compiled queries the cache holds.</summary>
    public int Cached => _cache.Count;

    /// <summary>
    /// Compiles a query, or takes it from the cache. <paramref name="parameter"/> gives the value of a query parameter
    /// (null when it has none); it is asked only for parameters that stand for archetype ids in FROM, which planning
    /// needs (a missing one is an <see cref="AqlParameterMissingException"/>).
    /// </summary>
    public CompiledQuery Compile(string text, IPathCatalogue catalogue, Func<string, object?>? parameter = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(catalogue);
        var key = (text, catalogue.Version);
        if (_parameterised.TryGetValue(text, out var names))
        {
            key = (KeyWith(text, names, parameter), catalogue.Version);
        }
        if (_cache.TryGetValue(key, out var compiled))
        {
            return compiled;
        }
        var query = AqlParser.Parse(text);
        names = ArchetypeParameters.Names(query);
        if (names.Count > 0)
        {
            _parameterised[text] = names;
            key = (KeyWith(text, names, parameter), catalogue.Version);
            query = ArchetypeParameters.Substitute(query, name => Value(parameter, name));
        }
        compiled = SqlCompiler.Compile(text, QueryAnalyzer.Analyze(query, catalogue));
        if (compiled.Plan.ConsultedTemplates)
        {
            return compiled; // it holds for the templates it was checked against, which differ by tenant
        }
        if (_cache.Count >= MaxCached)
        {
            _cache.Clear();
        }
        _cache[key] = compiled;
        return compiled;
    }

    private static string? Value(Func<string, object?>? parameter, string name) =>
        ValueConversions.Unwrap(parameter?.Invoke(name)) is { } value ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>The cache key of a query planned with its archetype parameters' values (a NUL cannot occur in a query).</summary>
    private static string KeyWith(string text, IReadOnlyList<string> names, Func<string, object?>? parameter) =>
        string.Concat(text, string.Concat(names.Select(n => "\0" + (Value(parameter, n) ?? "\u0001"))));

    /// <summary>Parses, analyses and compiles without the cache (archetype parameters are not substituted).</summary>
    public static CompiledQuery CompileUncached(string text, IPathCatalogue catalogue)
    {
        var query = AqlParser.Parse(text);
        var plan = QueryAnalyzer.Analyze(query, catalogue);
        return SqlCompiler.Compile(text, plan);
    }
}
