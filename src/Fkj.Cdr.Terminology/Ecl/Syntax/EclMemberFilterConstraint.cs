namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>
/// <c>{{ M ... }}</c>, after a memberOf: keeps the reference set members that pass every filter (moduleId,
/// effectiveTime, active, or a refset field such as <c>mapTarget = "J45.9"</c>) before their referenced
/// components (or fields) are taken.
/// </summary>
public sealed record EclMemberFilterConstraint(EclList<EclFilter> Filters) : EclFilterConstraint(Filters);
