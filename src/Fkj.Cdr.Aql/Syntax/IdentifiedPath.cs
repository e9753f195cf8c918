namespace Fkj.Cdr.Aql.Syntax;

/// <summary>
/// A variable of the FROM clause, optionally with a predicate and a path below it:
/// <c>o/data[at0001]/events[at0006]/data[at0003]/items[at0004]/value/magnitude</c>, <c>c</c>,
/// <c>o[name/value = $name]/data</c>.
/// </summary>
public sealed record IdentifiedPath(string Variable, PathPredicate? Predicate = null, ObjectPath? Path = null) : AqlExpression
{
    /// <summary>True for a bare variable (the whole object).</summary>
    public bool IsVariableOnly => Predicate is null && Path is null;
}
