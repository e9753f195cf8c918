namespace Fkj.Cdr.Aql.Syntax;

/// <summary>
/// An archetype node code standing as a value: the name in <c>[at0001, at0002]</c> (a node named by a
/// local term) or the value in <c>[archetype_node_id = at0002]</c>. <c>at</c> codes (ADL 1.4) and
/// <c>id</c> codes (ADL 2), possibly with dotted specialisation (<c>at0.63</c>).
/// </summary>
public sealed record CodeLiteral(string Code) : AqlExpression;
