using Fkj.Cdr.Aql.Syntax;

namespace Fkj.Cdr.Aql.Parsing;

/// <summary>
/// The names of one query: the variables its FROM clause declares and the column aliases. A path must
/// start with a declared variable (or, as a bare name in ORDER BY, a column alias), and a variable is
/// declared once. Names are compared without regard to case, as the specification says. Small scopes are
/// searched in a list; from <see cref="IndexFrom"/> names on, a dictionary keeps the checks linear.
/// </summary>
internal sealed class VariableScope
{
    private const int IndexFrom = 16;

    private readonly List<(string Name, AqlSpan At)> _declared = new(4);
    private Dictionary<string, AqlSpan>? _declaredIndex;
    private List<string>? _aliases;
    private HashSet<string>? _aliasIndex;
    private (string Name, AqlSpan At, AqlSpan First)? _duplicate;

    /// <summary>Declares a variable at the span of its name.</summary>
    public void Declare(string name, AqlSpan at)
    {
        if (TryFind(name, out var first))
        {
            _duplicate ??= (name, at, first);
            return;
        }

        _declared.Add((name, at));
        if (_declaredIndex is not null)
        {
            _declaredIndex[name] = at;
        }
        else if (_declared.Count > IndexFrom)
        {
            _declaredIndex = new(StringComparer.OrdinalIgnoreCase);
            foreach (var (declared, span) in _declared) _declaredIndex.TryAdd(declared, span);
        }
    }

    public void Alias(string name)
    {
        (_aliases ??= new(2)).Add(name);
        if (_aliasIndex is not null) _aliasIndex.Add(name);
        else if (_aliases.Count > IndexFrom) _aliasIndex = new(_aliases, StringComparer.OrdinalIgnoreCase);
    }

    public bool IsAlias(string name)
    {
        if (_aliases is null) return false;
        if (_aliasIndex is not null) return _aliasIndex.Contains(name);
        foreach (var alias in _aliases)
        {
            if (string.Equals(alias, name, StringComparison.OrdinalIgnoreCase)) return true;
        }

        return false;
    }

    /// <summary>The error for a path's variable, or null; <paramref name="bare"/> for a bare name in ORDER BY, which may be an alias.</summary>
    public AqlError? Check(IdentifiedPath path, bool bare)
    {
        var name = path.Variable;
        if (TryFind(name, out _)) return null;
        var isAlias = IsAlias(name);
        if (bare && isAlias) return null;
        var declared = _declared.Count == 0
            ? "the FROM clause declares no variable"
            : $"the FROM clause declares {string.Join(", ", _declared.Select(d => d.Name))}";
        return Error(path.Span with { Length = name.Length }, isAlias
            ? $"'{name}' is a column alias, not a variable: a path starts with a variable of the FROM clause, and {declared}"
            : $"unknown variable '{name}': {declared}");
    }

    /// <summary>The error for the first variable declared twice, or null.</summary>
    public AqlError? Duplicate() => _duplicate is var (name, at, first)
        ? Error(at, $"the variable '{name}' is declared twice; it was first declared at line {first.Line}, column {first.Column}")
        : null;

    private bool TryFind(string name, out AqlSpan at)
    {
        if (_declaredIndex is not null) return _declaredIndex.TryGetValue(name, out at);
        foreach (var (declared, span) in _declared)
        {
            if (string.Equals(declared, name, StringComparison.OrdinalIgnoreCase))
            {
                at = span;
                return true;
            }
        }

        at = default;
        return false;
    }

    private static AqlError Error(AqlSpan at, string message) => new(message, at.Line, at.Column, at.Offset, [], at.Length);
}
