namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>
/// One filter constraint in double braces, holding one or more filters separated by commas, all of which
/// must hold: <c>{{ D term = "heart", language = en }}</c>.
/// </summary>
public abstract record EclFilterConstraint(EclList<EclFilter> Filters) : EclNode;
