using Fkj.Cdr.Aql.Syntax;

namespace Fkj.Cdr.Aql.Semantics;

/// <summary>
/// A query that parses but cannot mean anything (an attribute the RM type does not have, an unknown class or
/// function) or that this engine does not run yet (<see cref="Unsupported"/>), with the place in the query.
/// </summary>
public sealed class AqlSemanticException : Exception
{
    public AqlSemanticException(string message, AqlSpan span, bool unsupported = false)
        : base(span.Line > 0 ? $"line {span.Line}, column {span.Column}: {message}" : message)
    {
        Reason = message;
        Span = span;
        Unsupported = unsupported;
    }

    /// <summary>The message without the position.</summary>
    public string Reason { get; }

    public AqlSpan Span { get; }

    /// <summary>True when the query is valid AQL that this engine cannot run yet.</summary>
    public bool Unsupported { get; }
}
