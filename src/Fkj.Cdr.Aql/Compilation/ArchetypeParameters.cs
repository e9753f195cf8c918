using Fkj.Cdr.Aql.Syntax;

namespace Fkj.Cdr.Aql.Compilation;

/// <summary>
/// Parameters that stand for archetype or node ids in FROM (<c>OBSERVATION o[$archetype]</c>). They choose the
/// catalogued paths a query reads, which planning fixes, so the query is planned with their values written in:
/// <see cref="Names"/> lists them, <see cref="Substitute"/> writes them in.
/// </summary>
public static class ArchetypeParameters
{
    /// <summary>The names of the parameters used as archetype or node ids in FROM, in order; empty for most queries.</summary>
    public static IReadOnlyList<string> Names(AqlQuery query)
    {
        var names = new List<string>();
        Collect(query.From.Contains, names);
        return names;
    }

    private static void Collect(ContainsExpression expression, List<string> names)
    {
        switch (expression)
        {
            case Containment c:
                Collect(c.Class.Predicate, names);
                if (c.Contained is { } inner) Collect(inner, names);
                break;
            case ContainsAnd and:
                foreach (var operand in and.Operands) Collect(operand, names);
                break;
            case ContainsOr or:
                foreach (var operand in or.Operands) Collect(operand, names);
                break;
        }
    }

    private static void Collect(PathPredicate? predicate, List<string> names)
    {
        switch (predicate)
        {
            case ParameterPredicate p:
                if (!names.Contains(p.Parameter.Name)) names.Add(p.Parameter.Name);
                break;
            case AndPredicate and:
                foreach (var operand in and.Operands) Collect(operand, names);
                break;
        }
    }

    /// <summary>The query with each such parameter replaced by its value as a node id; <paramref name="value"/> gives null for a missing one.</summary>
    public static AqlQuery Substitute(AqlQuery query, Func<string, string?> value) =>
        query with { From = query.From with { Contains = Substitute(query.From.Contains, value) } };

    private static ContainsExpression Substitute(ContainsExpression expression, Func<string, string?> value) => expression switch
    {
        Containment c => c with
        {
            Class = c.Class with { Predicate = Substitute(c.Class.Predicate, value) },
            Contained = c.Contained is { } inner ? Substitute(inner, value) : null,
        },
        ContainsAnd and => and with { Operands = AqlList.Create<ContainsExpression>(and.Operands.Select(o => Substitute(o, value)).ToArray()) },
        ContainsOr or => or with { Operands = AqlList.Create<ContainsExpression>(or.Operands.Select(o => Substitute(o, value)).ToArray()) },
        _ => expression,
    };

    private static PathPredicate? Substitute(PathPredicate? predicate, Func<string, string?> value) => predicate switch
    {
        ParameterPredicate p => new NodePredicate(value(p.Parameter.Name) ?? throw new AqlParameterMissingException(p.Parameter.Name, p.Parameter.Span)) { Span = p.Span },
        AndPredicate and => and with { Operands = AqlList.Create<PathPredicate>(and.Operands.Select(o => Substitute(o, value)!).ToArray()) },
        _ => predicate,
    };
}
