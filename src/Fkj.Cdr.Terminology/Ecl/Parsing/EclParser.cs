using System.Diagnostics.CodeAnalysis;
using Fkj.Cdr.Terminology.Ecl.Syntax;

namespace Fkj.Cdr.Terminology.Ecl.Parsing;

/// <summary>
/// Parses SNOMED CT Expression Constraint Language text (ECL 2.2, brief syntax; the long syntax's
/// keywords such as <c>descendantOrSelfOf</c>, <c>ANY</c>, <c>reverseOf</c> and <c>NOT =</c> are read too)
/// into an <see cref="EclExpression"/>. A text that is not a valid expression constraint gives an
/// <see cref="EclParseException"/> with the position of the first error; no input makes the parser throw
/// anything else, loop, or exhaust the stack (nesting deeper than <see cref="MaxNestingDepth"/> is an error).
/// </summary>
public static class EclParser
{
    /// <summary>How deeply sub-expressions and parenthesised refinements may nest.</summary>
    public const int MaxNestingDepth = 100;

    public static EclExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new EclReader(text).ReadWhole();
    }

    public static bool TryParse(string text, [NotNullWhen(true)] out EclExpression? expression, [NotNullWhen(false)] out EclError? error)
    {
        try
        {
            expression = Parse(text);
            error = null;
            return true;
        }
        catch (EclParseException exception)
        {
            expression = null;
            error = exception.Error;
            return false;
        }
    }
}
