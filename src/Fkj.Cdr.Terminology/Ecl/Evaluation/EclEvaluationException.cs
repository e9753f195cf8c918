using Fkj.Cdr.Terminology.Ecl.Syntax;

namespace Fkj.Cdr.Terminology.Ecl.Evaluation;

/// <summary>
/// Thrown when a parsed expression constraint cannot be evaluated against the index: an unknown concept, or a
/// construct the evaluator does not support. <see cref="Span"/> is where the offending node stood in the text.
/// </summary>
public sealed class EclEvaluationException(string message, EclSpan span)
    : Exception($"{message} (at {span.Start}..{span.End})")
{
    public EclSpan Span { get; } = span;

    public string Reason { get; } = message;
}
