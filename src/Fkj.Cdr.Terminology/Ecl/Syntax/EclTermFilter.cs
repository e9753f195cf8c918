namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary><c>term = "heart att"</c>, <c>term != wild:"*itis"</c>, <c>term = (match:"gas" wild:"*itis")</c> (any of the set).</summary>
public sealed record EclTermFilter(EclComparisonOperator Operator, EclList<EclTypedSearchTerm> Terms) : EclFilter;
