namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>
/// Something that denotes a set of concepts: an expression constraint, or (in a filter) a
/// parenthesised list of concept references such as <c>typeId = (900000000000013009 900000000000003001)</c>.
/// </summary>
public abstract record EclConceptSet : EclNode;
