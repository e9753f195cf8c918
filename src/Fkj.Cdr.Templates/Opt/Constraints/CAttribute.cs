namespace Fkj.Cdr.Templates.Opt.Constraints;

/// <summary>
/// C_ATTRIBUTE: constraint on one RM attribute of a complex object. A multiple attribute
/// (C_MULTIPLE_ATTRIBUTE) holds a container and carries a cardinality.
/// </summary>
public sealed class CAttribute
{
    public required string RmAttributeName { get; init; }

    /// <summary>0..1 (optional) or 1..1 (mandatory).</summary>
    public Interval<int> Existence { get; init; } = new(1, 1);

    public bool IsMultiple { get; init; }

    /// <summary>Present for multiple attributes only.</summary>
    public Cardinality? Cardinality { get; init; }

    public IReadOnlyList<CObject> Children { get; init; } = [];

    public CComplexObject Owner { get; internal set; } = null!;
}
