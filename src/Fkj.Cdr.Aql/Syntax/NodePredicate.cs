namespace Fkj.Cdr.Aql.Syntax;

/// <summary>
/// A node or archetype id, optionally with a name after a comma: <c>[at0001]</c>,
/// <c>[openEHR-EHR-OBSERVATION.blood_pressure.v2]</c>, <c>[at0001, 'Systolic']</c>, <c>[at0001, $name]</c>,
/// <c>[at0001, at0002]</c>, <c>[at0001, local::at0002|Systolic|]</c>. <see cref="Name"/> is a
/// <see cref="StringLiteral"/>, <see cref="ParameterRef"/>, <see cref="CodeLiteral"/> or
/// <see cref="TermCodeLiteral"/>.
/// </summary>
public sealed record NodePredicate(string NodeId, AqlExpression? Name = null) : PathPredicate
{
    public NodeIdKind Kind => NodeId.StartsWith("at", StringComparison.Ordinal) && NodeId.Length > 2 && char.IsAsciiDigit(NodeId[2])
        ? NodeIdKind.AtCode
        : NodeId.StartsWith("id", StringComparison.Ordinal) && NodeId.Length > 2 && char.IsAsciiDigit(NodeId[2])
            ? NodeIdKind.IdCode
            : NodeIdKind.ArchetypeId;
}

public enum NodeIdKind
{
    /// <summary><c>at0001</c>, <c>at0.63</c>: an ADL 1.4 node id.</summary>
    AtCode,

    /// <summary><c>id5</c>: an ADL 2 node id.</summary>
    IdCode,

    /// <summary><c>openEHR-EHR-OBSERVATION.blood_pressure.v2</c>: an archetype id (an archetype root).</summary>
    ArchetypeId,
}
