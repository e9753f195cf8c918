namespace Fkj.Cdr.Aql.Syntax;

/// <summary>
/// A coded term written as a name in a node predicate, <c>[at0001, SNOMED-CT(2003)::163020007|Heart rate|]</c>:
/// terminology, optional version in parentheses, code, and optional display text between bars.
/// </summary>
public sealed record TermCodeLiteral(string Terminology, string Code, string? Version = null, string? Text = null) : AqlExpression;
