using Fkj.Cdr.Terminology.Ecl.Parsing;
using Fkj.Cdr.Terminology.Ecl.Syntax;
using Fkj.Cdr.Terminology.Tests.Ecl.Support;
using static Fkj.Cdr.Terminology.Ecl.Syntax.EclConstraintOperator;

namespace Fkj.Cdr.Terminology.Tests.Ecl;

/// <summary>The parser's trees in full: records, terms, values, spans, and what equality means.</summary>
public class EclParserTests
{
    private static EclSubExpression Concept(long id, EclConstraintOperator? op = null, string? term = null) =>
        new(op, new EclConceptReference(id, term));

    [Fact]
    public void The_refinement_of_the_issue_is_a_refined_expression_with_one_attribute()
    {
        var tree = EclParser.Parse("<< 404684003 |Clinical finding| : 363698007 |Finding site| = << 39057004 |Pulmonary valve structure|");

        var expected = new EclRefinedExpression(
            Concept(404684003, DescendantOrSelfOf, "Clinical finding"),
            new EclAttribute(null, false, Concept(363698007, term: "Finding site"),
                new EclExpressionComparison(EclComparisonOperator.Equal, Concept(39057004, DescendantOrSelfOf, "Pulmonary valve structure"))));
        Assert.Equal(expected, tree);
    }

    [Fact]
    public void Terms_are_kept_without_the_white_space_around_them()
    {
        var tree = Assert.IsType<EclSubExpression>(EclParser.Parse("^ 700043003 |  example problem list concepts reference set \t|"));

        Assert.Equal("example problem list concepts reference set", Assert.IsType<EclConceptReference>(tree.Focus).Term);
        Assert.NotNull(tree.MemberOf);
        Assert.Empty(tree.MemberOf!.Fields);
        Assert.False(tree.MemberOf.AllFields);
    }

    [Fact]
    public void Terms_may_hold_any_visible_character_but_a_pipe()
    {
        var tree = Assert.IsType<EclSubExpression>(EclParser.Parse("404684003 |Hjärtsjukdom (störning) [x] {y} \"z\" /* not a comment */|"));

        Assert.Equal("Hjärtsjukdom (störning) [x] {y} \"z\" /* not a comment */", Assert.IsType<EclConceptReference>(tree.Focus).Term);
        Assert.Equal("Fraktur av lårbein 🦴", Assert.IsType<EclConceptReference>(Assert.IsType<EclSubExpression>(
            EclParser.Parse("71620000 |Fraktur av lårbein 🦴|")).Focus).Term);
    }

    [Fact]
    public void Equality_ignores_spans_and_terms_count()
    {
        var spaced = EclParser.Parse("<<  404684003   |Clinical finding|");
        var tight = EclParser.Parse("<<404684003|Clinical finding|");
        var otherTerm = EclParser.Parse("<< 404684003 |Klinisk funn|");

        Assert.Equal(spaced, tight);
        Assert.Equal(spaced.GetHashCode(), tight.GetHashCode());
        Assert.NotEqual(spaced.Span, tight.Span);
        Assert.NotEqual(spaced, otherTerm);
    }

    [Fact]
    public void Every_node_carries_its_span()
    {
        const string text = "< 404684003 |Clinical finding| : 363698007 = << 39057004 {{ term = \"valve\" }}";
        var tree = Assert.IsType<EclRefinedExpression>(EclParser.Parse(text));
        string At(EclNode node) => text[node.Span.Start..node.Span.End];

        Assert.Equal(text, At(tree));
        Assert.Equal("< 404684003 |Clinical finding|", At(tree.Focus));
        Assert.Equal("404684003 |Clinical finding|", At(tree.Focus.Focus));
        var attribute = Assert.IsType<EclAttribute>(tree.Refinement);
        Assert.Equal("363698007 = << 39057004 {{ term = \"valve\" }}", At(attribute));
        Assert.Equal("363698007", At(attribute.Name));
        var comparison = Assert.IsType<EclExpressionComparison>(attribute.Comparison);
        Assert.Equal("= << 39057004 {{ term = \"valve\" }}", At(comparison));
        Assert.Equal("<< 39057004 {{ term = \"valve\" }}", At(comparison.Value));
        var filters = Assert.IsType<EclDescriptionFilterConstraint>(Assert.Single(comparison.Value.Filters));
        Assert.Equal("{{ term = \"valve\" }}", At(filters));
        var term = Assert.IsType<EclTermFilter>(Assert.Single(filters.Filters));
        Assert.Equal("term = \"valve\"", At(term));
        Assert.Equal("\"valve\"", At(Assert.Single(term.Terms)));
    }

    [Fact]
    public void Spans_nest_and_stay_inside_the_text_in_every_example()
    {
        foreach (var example in EclExamples.All)
        {
            var tree = EclParser.Parse(example.Ecl);
            foreach (var node in EclTree.Descendants(tree))
            {
                Assert.True(node.Span.Start >= 0 && node.Span.Start <= node.Span.End && node.Span.End <= example.Ecl.Length,
                    $"{example.Source}: {node.GetType().Name} {node.Span}");
                foreach (var child in EclTree.Children(node))
                    Assert.True(child.Span.Start >= node.Span.Start && child.Span.End <= node.Span.End,
                        $"{example.Source}: {child.GetType().Name} {child.Span} outside {node.GetType().Name} {node.Span}");
            }

            Assert.True(tree.Span.Length > 0, example.Source);
            Assert.False(char.IsWhiteSpace(example.Ecl[tree.Span.Start]), example.Source);
            Assert.False(char.IsWhiteSpace(example.Ecl[tree.Span.End - 1]), example.Source);
        }
    }

    [Fact]
    public void Compound_operators_keep_their_operands_in_order()
    {
        var conjunction = Assert.IsType<EclConjunctionExpression>(EclParser.Parse("< 19829001 AND < 301867009 , ^ 700043003"));
        var exclusion = Assert.IsType<EclExclusionExpression>(EclParser.Parse("<< 19829001 MINUS << 301867009"));

        Assert.Equal([Concept(19829001, DescendantOf), Concept(301867009, DescendantOf),
            new EclSubExpression(null, new EclMemberOf(), new EclConceptReference(700043003), [], [], null)], conjunction.Operands);
        Assert.Equal(Concept(19829001, DescendantOrSelfOf), exclusion.Left);
        Assert.Equal(Concept(301867009, DescendantOrSelfOf), exclusion.Right);
    }

    [Fact]
    public void Every_constraint_operator_is_read()
    {
        string[] brief = ["<", "<<", "<!", "<<!", ">", ">>", ">!", ">>!", "!!>", "!!<"];
        string[] spelled = ["descendantOf", "descendantOrSelfOf", "childOf", "childOrSelfOf", "ancestorOf", "ancestorOrSelfOf", "parentOf", "parentOrSelfOf"];
        EclConstraintOperator[] operators = [DescendantOf, DescendantOrSelfOf, ChildOf, ChildOrSelfOf, AncestorOf, AncestorOrSelfOf, ParentOf, ParentOrSelfOf, Top, Bottom];

        for (var i = 0; i < brief.Length; i++)
        {
            Assert.Equal(Concept(404684003, operators[i]), EclParser.Parse(brief[i] + " 404684003"));
            Assert.Equal(Concept(404684003, operators[i]), EclParser.Parse(brief[i] + "404684003"));
        }

        for (var i = 0; i < spelled.Length; i++)
            Assert.Equal(Concept(404684003, operators[i]), EclParser.Parse(spelled[i] + " 404684003"));
    }

    [Fact]
    public void Attributes_hold_cardinality_reverse_flag_name_and_value()
    {
        var refined = Assert.IsType<EclRefinedExpression>(EclParser.Parse("< 105590001 : [1..*] R << 127489000 = *"));

        var attribute = Assert.IsType<EclAttribute>(refined.Refinement);
        Assert.Equal(new EclCardinality(1, null), attribute.Cardinality);
        Assert.True(attribute.Reverse);
        Assert.Equal(Concept(127489000, DescendantOrSelfOf), attribute.Name);
        Assert.Equal(new EclExpressionComparison(EclComparisonOperator.Equal, new EclSubExpression(null, new EclWildcard())), attribute.Comparison);
    }

    [Theory]
    [InlineData("#500", "500")]
    [InlineData("#-2.25", "-2.25")]
    [InlineData("#+3", "3")]
    [InlineData("#0", "0")]
    [InlineData("#0.5", "0.5")]
    [InlineData("#2.50", "2.50")]
    [InlineData("#79228162514264337593543950335", "79228162514264337593543950335")]
    public void Numbers_are_decimals_with_the_scale_written(string written, string value)
    {
        var refined = Assert.IsType<EclRefinedExpression>(EclParser.Parse($"< 763158003 : 1142135004 >= {written}"));

        var numeric = Assert.IsType<EclNumericComparison>(Assert.IsType<EclAttribute>(refined.Refinement).Comparison);
        Assert.Equal(EclComparisonOperator.GreaterThanOrEqual, numeric.Operator);
        Assert.Equal(value, numeric.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Search_terms_keep_their_text_and_decode_it()
    {
        var tree = Assert.IsType<EclSubExpression>(EclParser.Parse("< 64572001 {{ term = (\" heart  \\\"att\\\" \" wild:\"a\\*b*\") }}"));

        var terms = Assert.IsType<EclTermFilter>(Assert.Single(tree.Filters[0].Filters)).Terms;
        Assert.Equal(EclSearchType.Match, terms[0].Type);
        Assert.Equal(" heart  \\\"att\\\" ", terms[0].Text);
        Assert.Equal(["heart", "\"att\""], terms[0].Words);
        Assert.Equal(EclSearchType.Wild, terms[1].Type);
        Assert.Equal("a\\*b*", terms[1].Text);
        Assert.Equal("a*b*", terms[1].Unescaped);
    }

    [Fact]
    public void Concept_reference_sets_and_nested_expressions_are_told_apart_in_filters()
    {
        var tree = Assert.IsType<EclSubExpression>(EclParser.Parse(
            "< 64572001 {{ typeId = (900000000000013009 900000000000003001), moduleId = (900000000000207008), typeId = (< 900000000000446008) }}"));

        var filters = tree.Filters[0].Filters;
        var set = Assert.IsType<EclConceptReferenceSet>(Assert.IsType<EclDescriptionTypeIdFilter>(filters[0]).Types);
        Assert.Equal([900000000000013009, 900000000000003001], set.References.Select(r => r.ConceptId));
        var single = Assert.IsType<EclSubExpression>(Assert.IsType<EclModuleFilter>(filters[1]).Modules);
        Assert.Equal(new EclNestedExpression(Concept(900000000000207008)), single.Focus);
        var nested = Assert.IsType<EclSubExpression>(Assert.IsType<EclDescriptionTypeIdFilter>(filters[2]).Types);
        Assert.Equal(new EclNestedExpression(Concept(900000000000446008, DescendantOf)), nested.Focus);
    }

    [Fact]
    public void Dialect_filters_hold_their_dialects_and_acceptabilities()
    {
        var tree = Assert.IsType<EclSubExpression>(EclParser.Parse(
            "< 64572001 {{ dialect = (en-gb (prefer) en-us) (accept), dialectId = 900000000000508004 (900000000000548007 |Preferred|) }}"));

        var aliases = Assert.IsType<EclDialectFilter>(tree.Filters[0].Filters[0]);
        Assert.Equal(EclComparisonOperator.Equal, aliases.Operator);
        Assert.Equal([new EclDialectAlias("en-gb", new EclAcceptabilitySet([], [EclAcceptability.Preferred])), new EclDialectAlias("en-us")],
            aliases.Dialects);
        Assert.Equal(new EclAcceptabilitySet([], [EclAcceptability.Acceptable]), aliases.Acceptability);

        var ids = Assert.IsType<EclDialectFilter>(tree.Filters[0].Filters[1]);
        Assert.Equal([new EclDialectId(Concept(900000000000508004))], ids.Dialects);
        Assert.Equal(new EclAcceptabilitySet([new EclConceptReference(900000000000548007, "Preferred")], []), ids.Acceptability);
    }

    [Fact]
    public void Member_filters_and_history_are_kept_apart_from_the_other_filters()
    {
        var tree = Assert.IsType<EclSubExpression>(EclParser.Parse(
            "^ [targetComponentId] 900000000000527005 {{ M mapGroup >= #2 }} {{ C active = true }} {{ + HISTORY-MOD }}"));

        Assert.Equal(new EclMemberOf(["targetComponentId"], false), tree.MemberOf);
        var member = Assert.IsType<EclMemberFieldFilter>(Assert.Single(Assert.Single(tree.MemberFilters).Filters));
        Assert.Equal("mapGroup", member.Field);
        Assert.Equal(new EclNumericComparison(EclComparisonOperator.GreaterThanOrEqual, 2m), member.Comparison);
        Assert.IsType<EclConceptFilterConstraint>(Assert.Single(tree.Filters));
        Assert.Equal(new EclHistorySupplement(EclHistoryProfile.Moderate, null), tree.History);
    }

    [Fact]
    public void Alternate_identifiers_keep_scheme_code_and_term()
    {
        Assert.Equal(new EclSubExpression(null, new EclAlternateIdentifier("LOINC", "54486-6", "Fractional oxyhemoglobin")),
            EclParser.Parse("LOINC#54486-6 |Fractional oxyhemoglobin|"));
        Assert.Equal(new EclSubExpression(DescendantOrSelfOf, new EclAlternateIdentifier("ICD-10", "J45 .9")),
            EclParser.Parse("<< \"ICD-10#J45 .9\""));
    }

    [Fact]
    public void Identifiers_of_six_to_eighteen_digits_are_read_as_numbers()
    {
        Assert.Equal(Concept(100000), EclParser.Parse("100000"));
        Assert.Equal(Concept(999999999999999999), EclParser.Parse("999999999999999999"));
    }

    [Fact]
    public void Nesting_to_the_limit_parses()
    {
        var depth = EclParser.MaxNestingDepth - 1;
        var text = new string('(', depth) + "404684003" + new string(')', depth);

        var tree = EclParser.Parse(text);

        Assert.Equal(depth, EclTree.Descendants(tree).Count(n => n is EclNestedExpression));
    }

    [Fact]
    public void TryParse_reports_instead_of_throwing()
    {
        Assert.True(EclParser.TryParse("< 404684003", out var tree, out var none));
        Assert.Equal(Concept(404684003, DescendantOf), tree);
        Assert.Null(none);

        Assert.False(EclParser.TryParse("< 404684003 AND", out var nothing, out var error));
        Assert.Null(nothing);
        Assert.Equal(15, error!.Offset);
    }

    [Fact]
    public void Lists_compare_by_content()
    {
        EclList<string> first = ["en", "sv"];
        var second = EclList.From(new List<string> { "en", "sv" });

        Assert.Equal(first, second);
        Assert.True(first == second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, EclList.Of("sv", "en"));
        Assert.Same(EclList<string>.Empty, EclList.From(Array.Empty<string>()));
    }
}
