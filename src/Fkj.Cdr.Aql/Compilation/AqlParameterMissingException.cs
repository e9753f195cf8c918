using Fkj.Cdr.Aql.Syntax;

namespace Fkj.Cdr.Aql.Compilation;

/// <summary>
/// A parameter that decides what a query finds (an archetype id, <c>OBSERVATION o[$archetype]</c>) has no value, so
/// the query cannot be compiled; its name and place.
/// </summary>
public sealed class AqlParameterMissingException : Exception
{
    public AqlParameterMissingException(string name, AqlSpan span)
        : base($"The query parameter ${name} has no value.")
    {
        Name = name;
        Span = span;
    }

    public string Name { get; }

    public AqlSpan Span { get; }
}
