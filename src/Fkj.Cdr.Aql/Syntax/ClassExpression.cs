namespace Fkj.Cdr.Aql.Syntax;

/// <summary>
/// A class expression of the FROM clause: an RM type name, an optional variable, and an optional
/// predicate: <c>EHR e[ehr_id/value = $ehrId]</c>, <c>OBSERVATION o[openEHR-EHR-OBSERVATION.blood_pressure.v2]</c>,
/// <c>VERSION v[LATEST_VERSION]</c>.
/// </summary>
/// <remarks>
/// <see cref="RmType"/> is kept as written (<c>Composition</c> and <c>COMPOSITION</c> both occur), except
/// <c>VERSION</c>, which is a keyword and always upper case. Only a VERSION may carry a
/// <see cref="LatestVersionPredicate"/> or <see cref="AllVersionsPredicate"/>; its other predicate is a
/// standard one (<c>[commit_audit/time_committed &gt; '2024-01-01']</c>). Which RM types exist is for the
/// semantic stage to say.
/// </remarks>
public sealed record ClassExpression(string RmType, string? Variable = null, PathPredicate? Predicate = null) : AqlNode
{
    public bool IsVersion => RmType == "VERSION";
}
