namespace Fkj.Cdr.Aql.Syntax;

/// <summary>The legacy (deprecated) <c>TOP n [FORWARD|BACKWARD]</c> of the SELECT clause; LIMIT replaces it.</summary>
public sealed record TopClause(long Count, TopDirection? Direction = null) : AqlNode;

public enum TopDirection
{
    Forward,
    Backward,
}
