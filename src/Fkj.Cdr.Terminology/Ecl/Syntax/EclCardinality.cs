namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>A cardinality <c>[Min..Max]</c>; <see cref="Max"/> is null for <c>*</c> (many).</summary>
public sealed record EclCardinality(int Min, int? Max) : EclNode;
