namespace Fkj.Cdr.Aql.Syntax;

/// <summary>
/// What stands between square brackets after a class expression, a variable or a path step. The
/// grammar's archetype, node and standard predicates are all forms of it:
/// <list type="bullet">
/// <item><see cref="NodePredicate"/>: <c>[openEHR-EHR-OBSERVATION.bp.v2]</c>, <c>[at0001]</c>, <c>[at0001, 'name']</c>;</item>
/// <item><see cref="ParameterPredicate"/>: <c>[$archetypeId]</c>;</item>
/// <item><see cref="ComparisonPredicate"/>: <c>[ehr_id/value = $ehrId]</c>;</item>
/// <item><see cref="RegexPredicate"/>: <c>[name/value matches {/^Blood.*/}]</c>;</item>
/// <item><see cref="AndPredicate"/>, <see cref="OrPredicate"/>: <c>[at0006 and name/value = 'Any event']</c>;</item>
/// <item><see cref="LatestVersionPredicate"/>, <see cref="AllVersionsPredicate"/>: only after VERSION.</item>
/// </list>
/// </summary>
public abstract record PathPredicate : AqlNode;
