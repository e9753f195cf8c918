using Fkj.Cdr.Terminology.Ecl.Evaluation;
using Fkj.Cdr.Terminology.Index;
using Fkj.Cdr.Terminology.Rf2;
using Fkj.Cdr.Testing;

namespace Fkj.Cdr.Terminology.Tests.Ecl.Evaluation;

/// <summary>
/// ECL evaluated over the Snowstorm dummy release. Every expected set was read off the RF2 files with awk, not from
/// the evaluator:
/// - IS-A: <c>awk -F'\t' '$3==1 &amp;&amp; $8==116680003 &amp;&amp; $9!=900000000000010007 {print $5,$6}' sct2_Relationship_Snapshot*</c>
///   gives under 404684003 |Clinical finding|: 64572001, 131148009, 250171008 (children); 250171008 → 118222006,
///   300577008; 118222006 → 72670004; and 404684003 → 138875005.
/// - attributes: the same with <c>$8!=116680003</c>: 131148009 116676008 |Associated morphology| 50960005 |Hemorrhage|;
///   300577008 116676008 49755003 |Morphologically abnormal structure|; 413350009 408731000 410510008 and
///   413350009 408729009 410514004, all group 0. 50960005 → 107658001 → 49755003 by IS-A.
/// - sct2_Concept_Snapshot: 118225008 and 246188002 are the only inactive concepts; 131148009 is the only
///   sufficiently defined (900000000000073002) concept under 404684003.
/// - der2_cRefset_AssociationReferenceSnapshot: 900000000000523009 holds 118225008, 900000000000526001 holds 246188002.
/// </summary>
public class SnowstormDummyEvaluationTests
{
    private static readonly Lazy<SnomedIndex> Dummy = new(() =>
        SnomedIndexBuilder.Build(Rf2Release.Open(Fixtures.Path("snomed", "snowstorm-dummy", "RF2Release"))));

    private static long[] Eval(string ecl) => new EclEvaluator(Dummy.Value).Evaluate(ecl).ToIds();

    [Theory]
    // self and the hierarchy operators
    [InlineData("404684003 |Clinical finding|", new[] { 404684003L })]
    [InlineData("< 404684003", new[] { 64572001L, 72670004, 118222006, 131148009, 250171008, 300577008 })]
    [InlineData("<< 404684003", new[] { 64572001L, 72670004, 118222006, 131148009, 250171008, 300577008, 404684003 })]
    [InlineData("descendantOrSelfOf 404684003", new[] { 64572001L, 72670004, 118222006, 131148009, 250171008, 300577008, 404684003 })]
    [InlineData("<! 404684003", new[] { 64572001L, 131148009, 250171008 })]
    [InlineData("<<! 250171008", new[] { 118222006L, 250171008, 300577008 })]
    [InlineData("> 72670004", new[] { 118222006L, 138875005, 250171008, 404684003 })]
    [InlineData(">> 72670004", new[] { 72670004L, 118222006, 138875005, 250171008, 404684003 })]
    [InlineData(">! 118222006", new[] { 250171008L })]
    [InlineData(">>! 118222006", new[] { 118222006L, 250171008 })]
    [InlineData("< 72670004", new long[0])]
    [InlineData("<< (<! 250171008)", new[] { 72670004L, 118222006, 300577008 })]
    [InlineData(">! (<! 250171008)", new[] { 250171008L })]
    // top and bottom of a set
    [InlineData("!!> (< 404684003)", new[] { 64572001L, 131148009, 250171008 })]
    [InlineData("!!< (< 404684003)", new[] { 64572001L, 72670004, 131148009, 300577008 })]
    // AND, OR, MINUS, parentheses
    [InlineData("< 404684003 AND < 250171008", new[] { 72670004L, 118222006, 300577008 })]
    [InlineData("<! 404684003 OR <! 250171008", new[] { 64572001L, 118222006, 131148009, 250171008, 300577008 })]
    [InlineData("< 404684003 MINUS << 250171008", new[] { 64572001L, 131148009 })]
    [InlineData("(< 404684003 MINUS << 250171008) OR 72670004", new[] { 64572001L, 72670004, 131148009 })]
    [InlineData("<< 118956008 AND >> 50960005", new[] { 49755003L, 50960005, 107658001, 118956008 })] // 50960005 → 107658001 → 49755003 → 118956008
    // refinements
    [InlineData("< 404684003 : 116676008 = << 49755003", new[] { 131148009L, 300577008 })]
    [InlineData("< 404684003 : 116676008 |Associated morphology| = 50960005", new[] { 131148009L })]
    [InlineData("< 404684003 : << 116676008 = < 49755003", new[] { 131148009L })]
    [InlineData("< 404684003 : 116676008 != 50960005", new[] { 300577008L })]
    [InlineData("< 404684003 : [0..0] 116676008 = *", new[] { 64572001L, 72670004, 118222006, 250171008 })]
    [InlineData("< 404684003 : [1..1] * = *", new[] { 64572001L, 72670004, 118222006, 250171008 })] // one IS-A each, no attribute
    [InlineData("* : [2..2] * = *", new[] { 131148009L, 300577008, 900000000000484002, 900000000000494007, 900000000000495008 })] // awk: active inferred rows per source == 2
    [InlineData("* : 408731000 = *, 408729009 = 410514004", new[] { 413350009L })]
    [InlineData("* : 408731000 = * OR 116676008 = 49755003", new[] { 300577008L, 413350009 })]
    [InlineData("* : { 408731000 = 410510008 }", new[] { 413350009L })]
    [InlineData("* : 116680003 |Is a| = 250171008", new[] { 118222006L, 300577008 })]
    [InlineData("* : R 116676008 = < 404684003", new[] { 49755003L, 50960005 })]
    [InlineData("< 404684003 . 116676008", new[] { 49755003L, 50960005 })]
    [InlineData("413350009 . (408731000 OR 408729009)", new[] { 410510008L, 410514004 })]
    // memberOf, inactive concepts
    [InlineData("^ 900000000000523009", new long[0])]
    [InlineData("^ 900000000000523009 {{ C active = false }}", new[] { 118225008L })]
    [InlineData("^ (< 900000000000522004) {{ C active = false }}", new[] { 118225008L, 246188002 })]
    // filters: the active descriptions of sct2_Description_Snapshot-en under 404684003
    [InlineData("< 404684003 {{ D term = \"obs\" }}", new[] { 118222006L, 250171008, 300577008 })]
    [InlineData("< 404684003 {{ D term = \"syndrome pres\" }}", new[] { 64572001L })]
    [InlineData("< 404684003 {{ D term = \"NOS\" }}", new long[0])] // every ", NOS" term is inactive
    [InlineData("< 404684003 {{ D term = \"NOS\", active = false }}", new[] { 64572001L, 72670004 })]
    [InlineData("< 404684003 {{ D term = wild:\"*finding\" }}", new[] { 72670004L, 300577008 })]
    [InlineData("< 404684003 {{ D type = fsn, term = \"general\" }}", new[] { 118222006L })]
    [InlineData("< 404684003 {{ D term != \"finding\" }}", new[] { 64572001L, 72670004, 118222006, 131148009, 250171008, 300577008 })]
    [InlineData("< 404684003 {{ C definitionStatus = defined }}", new[] { 131148009L })]
    [InlineData("< 404684003 {{ C definitionStatus = primitive }}", new[] { 64572001L, 72670004, 118222006, 250171008, 300577008 })]
    [InlineData("< 404684003 {{ C moduleId = 900000000000207008 }}", new[] { 64572001L, 72670004, 118222006, 131148009, 250171008, 300577008 })]
    // dialect: der2_cRefset_LanguageSnapshot-en, en-GB rows: "Physical finding" and "Physical sign" (72670004) are
    // acceptable (900000000000549004); "General finding of observation of patient" (118222006) is preferred
    [InlineData("< 404684003 {{ D term = \"physical\", dialect = en-gb (prefer) }}", new long[0])]
    [InlineData("< 404684003 {{ D term = \"physical\", dialect = en-gb (accept) }}", new[] { 72670004L })]
    [InlineData("< 404684003 {{ D term = \"general\", dialectId = 900000000000508004 (prefer) }}", new[] { 118222006L })]
    // reverse cardinality and grouped cardinality
    [InlineData("* : [1..1] R 116676008 = *", new[] { 49755003L, 50960005 })]
    [InlineData("* : [2..*] R 116676008 = *", new long[0])]
    [InlineData("< 404684003 : [0..0] { 116676008 = * }", new[] { 64572001L, 72670004, 118222006, 250171008 })]
    public void Evaluates_to_the_set_read_off_the_RF2_files(string ecl, long[] expected) => Assert.Equal(expected, Eval(ecl));

    [Fact]
    public void An_unsupported_construct_is_an_error_at_its_position()
    {
        // No alternate identifier data is held, so an alternate identifier cannot be resolved.
        var error = Assert.Throws<EclEvaluationException>(() => Eval("<< 404684003 OR LOINC#54486-6"));
        Assert.Equal(16, error.Span.Start);
        Assert.Contains("LOINC#54486-6", error.Message);
    }

    [Fact]
    public void An_evaluator_forgets_an_earlier_request_for_inactive_concepts()
    {
        var evaluator = new EclEvaluator(Dummy.Value);
        Assert.Equal([118225008L], evaluator.Evaluate("^ 900000000000523009 {{ C active = false }}").ToIds());
        Assert.Empty(evaluator.Evaluate("^ 900000000000523009").ToIds());
    }

    [Fact]
    public void Wildcard_is_every_active_concept()
    {
        // 104 lines in sct2_Concept_Snapshot: a header, 101 active concepts and the two inactive ones.
        Assert.Equal(101, Eval("*").Length);
        Assert.DoesNotContain(118225008L, Eval("*"));
    }

    [Fact]
    public void An_unknown_concept_is_an_error_at_its_position()
    {
        var error = Assert.Throws<EclEvaluationException>(() => Eval("<< 404684003 OR < 1234567000"));
        Assert.Equal(18, error.Span.Start);
        Assert.Contains("1234567000", error.Message);
    }
}
