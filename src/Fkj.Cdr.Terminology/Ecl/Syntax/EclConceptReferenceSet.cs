namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>
/// Two or more concept references in parentheses, separated by white space, as the value of a
/// <c>typeId</c>, <c>moduleId</c> or <c>definitionStatusId</c> filter (<c>eclConceptReferenceSet</c>).
/// </summary>
public sealed record EclConceptReferenceSet(EclList<EclConceptReference> References) : EclConceptSet;
