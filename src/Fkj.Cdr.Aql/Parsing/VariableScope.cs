namespace Fkj.Cdr.Aql.Parsing;

/// <summary>
/// The names of one query: the variables its FROM clause declares, the column aliases, and every path's
/// variable with where it was written. After the parse, <see cref="Check"/> finds the first reference to
/// a variable that is not declared and the first variable declared twice. Variable names are compared
/// without regard to case, as the specification says.
/// </summary>
internal sealed class VariableScope
{
    private readonly Dictionary<string, Token> _declared = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Name, Token At, bool OrderBy)> _references = [];
    private HashSet<string>? _aliases;
    private (string Name, Token At)? _duplicate;

    public void Declare(string name, in Token at)
    {
        if (!_declared.TryAdd(name, at) && _duplicate is null) _duplicate = (name, at);
    }

    /// <summary>A path's variable; <paramref name="orderBy"/> for a bare name in ORDER BY, which may be a column alias.</summary>
    public void Reference(string name, in Token at, bool orderBy) => _references.Add((name, at, orderBy));

    public void Alias(string name) => (_aliases ??= new(StringComparer.OrdinalIgnoreCase)).Add(name);

    public bool IsAlias(string name) => _aliases?.Contains(name) == true;

    /// <summary>The first name error in the text, or null.</summary>
    public AqlError? Check()
    {
        AqlError? first = null;
        if (_duplicate is var (name, again))
        {
            var earlier = _declared[name];
            first = Error(again, $"the variable '{name}' is declared twice; it was first declared at line {earlier.Line}, column {earlier.Column}");
        }

        foreach (var (reference, at, orderBy) in _references)
        {
            if (first is not null && first.Offset < at.Start) break;
            if (_declared.ContainsKey(reference)) continue;
            var isAlias = _aliases?.Contains(reference) == true;
            if (orderBy && isAlias) continue;
            var declared = _declared.Count == 0
                ? "the FROM clause declares no variable"
                : $"the FROM clause declares {string.Join(", ", _declared.Keys)}";
            first = Error(at, isAlias
                ? $"'{reference}' is a column alias, not a variable: a path starts with a variable of the FROM clause, and {declared}"
                : $"unknown variable '{reference}': {declared}");
            break;
        }

        return first;
    }

    private static AqlError Error(in Token at, string message) => new(message, at.Line, at.Column, at.Start, [], at.Length);
}
