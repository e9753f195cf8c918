namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>
/// <c>{{ D ... }}</c> (the <c>D</c> may be left out): keeps the concepts with at least one description that
/// passes every filter (term, language, type, typeId, dialect, dialectId, moduleId, effectiveTime, active, id).
/// </summary>
public sealed record EclDescriptionFilterConstraint(EclList<EclFilter> Filters) : EclFilterConstraint(Filters);
