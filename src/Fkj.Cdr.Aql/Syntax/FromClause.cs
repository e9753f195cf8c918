namespace Fkj.Cdr.Aql.Syntax;

/// <summary><c>FROM</c> and its containment expression.</summary>
public sealed record FromClause(ContainsExpression Contains) : AqlNode;
