namespace Fkj.Cdr.Aql.Syntax;

/// <summary>
/// A query parameter, <c>$ehrId</c>, or <c>:ehrId</c> as some vendors write it. <see cref="Name"/> is
/// without the sigil; parameters are bound by name at run time.
/// </summary>
public sealed record ParameterRef(string Name, ParameterStyle Style = ParameterStyle.Dollar) : AqlExpression;

public enum ParameterStyle
{
    /// <summary><c>$name</c>, as the specification writes it.</summary>
    Dollar,

    /// <summary><c>:name</c>.</summary>
    Colon,
}
