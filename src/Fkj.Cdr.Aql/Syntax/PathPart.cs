namespace Fkj.Cdr.Aql.Syntax;

/// <summary>One step of a path: an RM attribute name and an optional predicate, <c>items[at0004]</c>.</summary>
public sealed record PathPart(string Attribute, PathPredicate? Predicate = null) : AqlNode;
