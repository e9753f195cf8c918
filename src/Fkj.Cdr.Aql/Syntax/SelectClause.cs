namespace Fkj.Cdr.Aql.Syntax;

/// <summary><c>SELECT [DISTINCT] [TOP n [FORWARD|BACKWARD]] column, ...</c></summary>
public sealed record SelectClause(AqlList<SelectColumn> Columns, bool Distinct = false, TopClause? Top = null) : AqlNode;
