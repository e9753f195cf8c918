namespace Fkj.Cdr.Aql.Syntax;

/// <summary>
/// An openEHR path relative to an object: <c>data[at0001]/events[at0006]/time/value</c>, one
/// <see cref="PathPart"/> per step. It stands below an <see cref="IdentifiedPath"/>'s variable, on the left
/// of a predicate's comparison, and (rarely) as the value a predicate compares with.
/// </summary>
public sealed record ObjectPath(AqlList<PathPart> Parts) : AqlExpression
{
    /// <summary>The path as written canonically, e.g. <c>data[at0001]/events[at0006]/time/value</c>.</summary>
    public override string ToString() => Writing.AqlWriter.Write(this);
}
