namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>An attribute group <c>[cardinality] { attributes }</c>: the attributes must hold within one relationship group.</summary>
public sealed record EclAttributeGroup(EclCardinality? Cardinality, EclRefinement Attributes) : EclRefinement;
