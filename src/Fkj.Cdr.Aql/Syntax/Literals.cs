namespace Fkj.Cdr.Aql.Syntax;

/// <summary>
/// A string literal, single- or double-quoted in the query, with its escapes decoded. Dates, times and
/// date-times are strings in AQL; <see cref="Temporal"/> says whether the text has an ISO 8601 form, as a
/// hint for the semantic stage, which decides from the path compared with.
/// </summary>
public sealed record StringLiteral(string Value) : AqlExpression
{
    public TemporalKind Temporal => TemporalLiterals.Classify(Value);
}

/// <summary>An integer literal (a leading minus folded in).</summary>
public sealed record IntegerLiteral(long Value) : AqlExpression;

/// <summary>A real literal: <c>3.14</c>, <c>.5</c>, <c>1e-3</c>, <c>2E10</c> (a leading minus folded in).</summary>
public sealed record RealLiteral(double Value) : AqlExpression;

/// <summary><c>true</c> or <c>false</c>, in any case.</summary>
public sealed record BooleanLiteral(bool Value) : AqlExpression;

/// <summary><c>NULL</c>, in any case.</summary>
public sealed record NullLiteral : AqlExpression;
