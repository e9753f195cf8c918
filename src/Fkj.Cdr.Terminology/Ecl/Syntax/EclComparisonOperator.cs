namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>
/// The comparison operators of attributes and filters. Expressions, strings, booleans and most filters
/// take only <see cref="Equal"/> and <see cref="NotEqual"/>; numbers and times take all six.
/// </summary>
public enum EclComparisonOperator
{
    /// <summary><c>=</c></summary>
    Equal,

    /// <summary><c>!=</c> (long forms <c>&lt;&gt;</c> and <c>NOT =</c>)</summary>
    NotEqual,

    /// <summary><c>&lt;</c></summary>
    LessThan,

    /// <summary><c>&lt;=</c></summary>
    LessThanOrEqual,

    /// <summary><c>&gt;</c></summary>
    GreaterThan,

    /// <summary><c>&gt;=</c></summary>
    GreaterThanOrEqual,
}
