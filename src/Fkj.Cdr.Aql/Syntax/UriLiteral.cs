namespace Fkj.Cdr.Aql.Syntax;

/// <summary>A URI as the operand of MATCHES, <c>{terminology://snomed-ct/hierarchy?rootConceptId=50043002}</c>.</summary>
public sealed record UriLiteral(string Uri) : AqlExpression;
