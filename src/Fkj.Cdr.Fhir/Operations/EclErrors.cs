using Fkj.Cdr.Terminology.Ecl.Evaluation;
using Fkj.Cdr.Terminology.Ecl.Parsing;

namespace Fkj.Cdr.Fhir.Operations;

/// <summary>Evaluates ECL, turning a parse or evaluation error into a 400 whose diagnostics give the position.</summary>
public static class EclErrors
{
    public static ConceptSet Evaluate(EclEvaluator evaluator, string ecl, string parameter)
    {
        try
        {
            return evaluator.Evaluate(ecl);
        }
        catch (EclParseException e)
        {
            throw FhirException.Invalid($"Invalid ECL at line {e.Error.Line}, column {e.Error.Column} (offset {e.Error.Offset}): {e.Error.Message}", parameter);
        }
        catch (EclEvaluationException e)
        {
            throw FhirException.Invalid($"ECL cannot be evaluated at offset {e.Span.Start}..{e.Span.End}: {e.Reason}", parameter);
        }
    }
}
