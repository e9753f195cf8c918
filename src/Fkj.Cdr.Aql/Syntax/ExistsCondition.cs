namespace Fkj.Cdr.Aql.Syntax;

/// <summary><c>EXISTS path</c>: the data at the path exists.</summary>
public sealed record ExistsCondition(IdentifiedPath Path) : AqlCondition;
