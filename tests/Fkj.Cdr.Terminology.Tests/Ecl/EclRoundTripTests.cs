using Fkj.Cdr.Terminology.Ecl.Parsing;
using Fkj.Cdr.Terminology.Ecl.Syntax;
using Fkj.Cdr.Terminology.Tests.Ecl.Support;

namespace Fkj.Cdr.Terminology.Tests.Ecl;

/// <summary>Text → tree → canonical text → tree gives the same tree, and the canonical text is stable.</summary>
public class EclRoundTripTests
{
    public static TheoryData<string> Sources => new(EclExamples.All.Select(e => e.Source));

    [Theory]
    [MemberData(nameof(Sources))]
    public void The_canonical_text_parses_to_the_same_tree(string source)
    {
        var example = EclExamples.All.Single(e => e.Source == source);
        var tree = EclParser.Parse(example.Ecl);

        var written = EclWriter.Write(tree);
        var again = EclParser.Parse(written);

        Assert.Equal(tree, again);
        Assert.Equal(written, EclWriter.Write(again));
        Assert.Equal(example.Shape, EclShape.Of(again));
    }

    [Theory]
    [InlineData("<<73211009|Diabetes mellitus|", "<< 73211009 |Diabetes mellitus|")]
    [InlineData("descendantOrSelfOf 73211009", "<< 73211009")]
    [InlineData("< 19829001 , < 301867009 and ^ 700043003", "< 19829001 AND < 301867009 AND ^ 700043003")]
    [InlineData("< 404684003: 363698007 = << 39057004 AND 116676008 = << 415582006",
        "< 404684003 : 363698007 = << 39057004, 116676008 = << 415582006")]
    [InlineData("< 404684003:(363698007=* OR 116676008=*),42752001=*", "< 404684003 : (363698007 = * OR 116676008 = *), 42752001 = *")]
    [InlineData("< 105590001 : [1 to many] reverseOf 127489000 NOT = ANY", "< 105590001 : [1..*] R 127489000 != *")]
    [InlineData("* {{ term = match:\"heart att\", language = sv }}", "* {{ D term = \"heart att\", language = sv }}")]
    [InlineData("< 64572001 {{ type = (synonym fsn), dialect = (en-gb) }}", "< 64572001 {{ D type = (syn fsn), dialect = en-gb }}")]
    [InlineData("< 64572001 {{ dialectId = (900000000000508004) (prefer) }}", "< 64572001 {{ D dialectId = 900000000000508004 (prefer) }}")]
    [InlineData("^ 816080008 {{ C active = 1 }} {{+history_min}}", "^ 816080008 {{ C active = true }} {{ + HISTORY-MIN }}")]
    [InlineData("^[ mapTarget ]447562003{{M mapGroup=#+2}}", "^ [mapTarget] 447562003 {{ M mapGroup = #2 }}")]
    [InlineData("\"LOINC#54486-6\" OR \"LOINC#5 4\"", "LOINC#54486-6 OR \"LOINC#5 4\"")]
    [InlineData("/* c */ ( ( < 404684003 ) ) /* d */", "((< 404684003))")]
    [InlineData("< 373873005 : 111115 = (\"No#1\" \"x\")", "< 373873005 : 111115 = (match:\"No#1\" \"x\")")]
    public void The_canonical_text_is_the_brief_syntax_with_single_spaces(string text, string canonical)
    {
        Assert.Equal(canonical, EclWriter.Write(EclParser.Parse(text)));
    }

    [Fact]
    public void Hand_built_trees_are_written_with_the_parentheses_they_need()
    {
        var conjunction = new EclConjunctionExpression([
            new EclSubExpression(EclConstraintOperator.DescendantOf, new EclConceptReference(19829001)),
            new EclSubExpression(null, new EclConceptReference(700043003))]);
        var refined = new EclRefinedExpression(
            new EclSubExpression(null, new EclWildcard()),
            new EclRefinementDisjunction([
                new EclRefinementConjunction([Attribute(363698007), Attribute(116676008)]),
                new EclAttributeGroup(new EclCardinality(0, 1), Attribute(42752001))]));
        var filtered = new EclSubExpression(null, null, new EclWildcard(), [], [
            new EclConceptFilterConstraint([new EclModuleFilter(EclComparisonOperator.Equal, conjunction)])], null);

        Assert.Equal("* : (363698007 = *, 116676008 = *) OR [0..1] { 42752001 = * }", EclWriter.Write(refined));
        Assert.Equal(refined, EclParser.Parse(EclWriter.Write(refined)));
        // A filter value is a sub-expression in the grammar, so the conjunction comes back nested in one.
        Assert.Equal("* {{ C moduleId = (< 19829001 AND 700043003) }}", EclWriter.Write(filtered));
        var module = Assert.IsType<EclModuleFilter>(Assert.IsType<EclSubExpression>(EclParser.Parse(EclWriter.Write(filtered))).Filters[0].Filters[0]);
        Assert.Equal(new EclSubExpression(null, new EclNestedExpression(conjunction)), module.Modules);

        static EclAttribute Attribute(long id) =>
            new(null, false, new EclSubExpression(null, new EclConceptReference(id)),
                new EclExpressionComparison(EclComparisonOperator.Equal, new EclSubExpression(null, new EclWildcard())));
    }

    [Fact]
    public void Generated_expressions_round_trip()
    {
        var generator = new EclGenerator(new Random(7));
        var parsed = 0;
        for (var i = 0; i < 5_000; i++)
        {
            var text = generator.Expression(valid: true);
            if (!EclParser.TryParse(text, out var tree, out var error))
                Assert.Fail($"the generated expression does not parse: {text}\n{error}");
            var written = EclWriter.Write(tree);
            Assert.True(tree.Equals(EclParser.Parse(written)), $"{text}\n{written}");
            parsed++;
        }

        Assert.Equal(5_000, parsed);
    }
}
