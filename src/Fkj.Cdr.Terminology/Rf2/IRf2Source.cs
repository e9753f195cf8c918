namespace Fkj.Cdr.Terminology.Rf2;

/// <summary>
/// RF2 Snapshot rows, from release files (<see cref="Rf2Release"/>) or from the CDR's terminology tables, which is
/// where a running server rebuilds its index from. Rows of overlapping releases may repeat a component; the reader
/// keeps the latest effectiveTime.
/// </summary>
public interface IRf2Source
{
    IEnumerable<Rf2Concept> Concepts();

    IEnumerable<Rf2Description> Descriptions();

    IEnumerable<Rf2Description> TextDefinitions();

    /// <summary>The inferred relationships (the only ones the index uses).</summary>
    IEnumerable<Rf2Relationship> Relationships();

    IEnumerable<Rf2ConcreteValue> ConcreteValues();

    IEnumerable<Rf2RefsetMember> RefsetMembers(Rf2FileKind kind);
}
