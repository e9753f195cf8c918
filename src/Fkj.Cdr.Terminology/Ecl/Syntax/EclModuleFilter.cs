namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary><c>moduleId = 900000000000207008 |SNOMED CT core module|</c>, in description, concept and member filters.</summary>
public sealed record EclModuleFilter(EclComparisonOperator Operator, EclConceptSet Modules) : EclFilter;
