namespace Fkj.Cdr.Aql.Syntax;

/// <summary>
/// <c>path MATCHES ...</c>. <see cref="Operand"/> is a <see cref="ValueList"/> (<c>{'a', 'b'}</c>), a
/// <see cref="TerminologyCall"/> (<c>MATCHES TERMINOLOGY(...)</c>), a <see cref="UriLiteral"/>
/// (<c>{terminology://...}</c>), or a <see cref="ParameterRef"/> bound to a list at run time
/// (<c>MATCHES $codes</c>, an extension that EHRbase's examples use).
/// </summary>
public sealed record MatchesCondition(IdentifiedPath Subject, AqlExpression Operand) : AqlCondition;
