namespace Fkj.Cdr.Aql.Syntax;

/// <summary>
/// <c>[path matches {/regex/}]</c>, the grammar's contained regular expression, with its optional
/// <c>; 'assumed value'</c>. <see cref="Pattern"/> is the text between the slashes, as written
/// (an escaped slash <c>\/</c> stays escaped).
/// </summary>
public sealed record RegexPredicate(ObjectPath Path, string Pattern, string? AssumedValue = null) : PathPredicate;
