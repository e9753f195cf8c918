namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary><c>{{ C ... }}</c>: keeps the concepts that pass every filter (definitionStatus, definitionStatusId, moduleId, effectiveTime, active).</summary>
public sealed record EclConceptFilterConstraint(EclList<EclFilter> Filters) : EclFilterConstraint(Filters);
