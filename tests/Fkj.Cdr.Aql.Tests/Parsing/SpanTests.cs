using Fkj.Cdr.Aql.Syntax;
using static Fkj.Cdr.Aql.Tests.Support.Aql;

namespace Fkj.Cdr.Aql.Tests.Parsing;

/// <summary>Every node carries where it was written: offset, length, line and column.</summary>
public class SpanTests
{
    // Line 1 is offsets 0-24, line 2 starts at 26, line 3 at 60, line 4 at 85; the query is 119 characters.
    private const string Query = "SELECT c/uid/value AS uid\nFROM EHR e[ehr_id/value = $ehrId]\n  CONTAINS COMPOSITION c\nWHERE c/name/value = 'Vital signs'";

    [Fact]
    public void Spans_of_clauses_expressions_and_literals()
    {
        var query = Parse(Query);

        Assert.Equal(new AqlSpan(0, 119, 1, 1), query.Span);
        Assert.Equal(new AqlSpan(0, 25, 1, 1), query.Select.Span);
        Assert.Equal(new AqlSpan(7, 18, 1, 8), query.Select.Columns[0].Span);
        Assert.Equal(new AqlSpan(7, 11, 1, 8), query.Select.Columns[0].Expression.Span);

        Assert.Equal(new AqlSpan(26, 58, 2, 1), query.From.Span);
        var ehr = (Containment)query.From.Contains;
        Assert.Equal(new AqlSpan(31, 53, 2, 6), ehr.Span);
        Assert.Equal(new AqlSpan(31, 28, 2, 6), ehr.Class.Span);
        var predicate = (ComparisonPredicate)ehr.Class.Predicate!;
        Assert.Equal(new AqlSpan(37, 21, 2, 12), predicate.Span);
        Assert.Equal(new AqlSpan(37, 12, 2, 12), predicate.Path.Span);
        Assert.Equal(new AqlSpan(52, 6, 2, 27), predicate.Value.Span);
        Assert.Equal(new AqlSpan(71, 13, 3, 12), ((Containment)ehr.Contained!).Class.Span);

        Assert.Equal(new AqlSpan(85, 34, 4, 1), query.Where!.Span);
        var comparison = (ComparisonCondition)query.Where.Condition;
        Assert.Equal(new AqlSpan(91, 28, 4, 7), comparison.Span);
        Assert.Equal(new AqlSpan(106, 13, 4, 22), comparison.Right.Span);
        Assert.Equal(119, comparison.Right.Span.End);
    }

    [Fact]
    public void Equality_ignores_spans()
    {
        var a = Parse(Query);
        var b = Parse(Query.Replace("\n", "\n\n   ").Replace("SELECT", "select"));

        Assert.NotEqual(a.Where!.Span, b.Where!.Span);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Parse(Query.Replace("Vital signs", "Vital Signs")));
    }
}
