using Fkj.Cdr.Terminology.Ecl.Parsing;

namespace Fkj.Cdr.Terminology.Tests.Ecl;

/// <summary>
/// Invalid expression constraints give an <see cref="EclParseException"/> at the right place. In the cases
/// below, <c>¦</c> marks where the error must be reported (it is removed before parsing), and the
/// message must contain the fragment given.
/// </summary>
public class EclErrorTests
{
    private const char Here = '¦';

    public static TheoryData<string, string> Cases => new()
    {
        // operators without parentheses (5.4 Operator Precedence)
        { "< 19829001 AND < 301867009 ¦OR < 73211009", "cannot be followed by OR without parentheses" },
        { "< 19829001 OR < 301867009 ¦AND < 73211009", "cannot be followed by AND without parentheses" },
        { "< 19829001 OR < 301867009 ¦, < 73211009", "cannot be followed by ',' (AND)" },
        { "<< 19829001 MINUS << 301867009 ¦MINUS << 73211009", "(A MINUS B) MINUS C" },
        { "< 19829001 MINUS < 301867009 ¦AND < 73211009", "an exclusion (MINUS) cannot be followed by AND" },
        { "< 19829001 AND < 301867009 ¦: 363698007 = *", "cannot be followed by a refinement ':'" },
        { "< 125605004 . 363698007 ¦AND < 91723000", "a dotted expression constraint cannot be followed by AND" },
        { "< 404684003 : 363698007 = * ¦MINUS < 64572001", "a refined expression constraint cannot be followed by MINUS" },
        { "< 404684003 : 363698007 = * ¦. 363698007", "cannot be followed by a dotted attribute" },
        { "< 404684003 : 363698007 = << 39057004, 116676008 = << 415582006 ¦OR 42752001 = *", "cannot be mixed" },
        { "< 404684003 : 363698007 = * OR 116676008 = * ¦AND 42752001 = *", "cannot be mixed" },
        { "< 404684003 : { 363698007 = * OR 116676008 = * ¦, 42752001 = * }", "cannot be mixed" },
        // white space the grammar requires, and none where it forbids it
        { "< 19829001 AND¦(< 301867009)", "white space after AND" },
        { "< 19829001 MINUS¦< 301867009", "white space after MINUS" },
        { "descendantOf¦(404684003)", "white space after descendantOf" },
        { "< 404684003: [0 ¦.. 1] 363698007 = *", "no white space is allowed inside a cardinality" },
        { "< 404684003 {{ term = (\"a\"¦\"b\") }}", "white space after a search term" },
        { "< 404684003 {{ typeId = (900000000000013009 |Synonym|¦900000000000003001) }}", "white space after a concept reference" },
        // filters in the wrong place
        { "< 19829001 ¦{{ M mapTarget = \"x\" }}", "apply only to the members of a reference set" },
        { "^ 447562003 {{ C active = 1 }} ¦{{ M mapTarget = \"x\" }}", "must come before description and concept filters" },
        { "< 19829001 {{ + HISTORY }} ¦{{ term = \"x\" }}", "must be the last filter" },
        { "< 404684003 : { 363698007 = *, ¦{ 116676008 = * } }", "attribute groups cannot be nested" },
        // values
        { "< 404684003 : 363698007 < ¦<< 39057004", "compares numbers" },
        { "< 404684003 : 363698007 = ¦#007", "leading zero" },
        { "< 404684003 : 363698007 = ¦# 5", "a number must follow '#' directly" },
        { "< 404684003 : 363698007 = ¦#99999999999999999999999999999999", "too large" },
        { "< 404684003 : [¦3..1] 363698007 = *", "minimum is greater than its maximum" },
        { "< 404684003 : [¦01..1] 363698007 = *", "leading zero" },
        { "< 404684003 : [0..¦2147483648] 363698007 = *", "too large" },
        { "< 404684003 : 363698007 = wild:\"a¦\\q\"", "escapes only" },
        { "< 404684003 {{ term = \"a¦\\*\" }}", "escapes only '\"' and '\\'" },
        { "< 404684003 {{ term = ¦\"  \" }}", "the search term is empty" },
        { "< 404684003 : 363698007 = \"x\" AND 116676008 = ¦match \"y\"", "expected a value" },
        { "< 404684003 : 363698007 = ¦", "expected a value" },
        { "< 404684003 : 363698007 ¦*", "expected '=', '!='" },
        // identifiers and terms
        { "¦123456789012345678901", "6 to 18 digits" },
        { "¦12345", "6 to 18 digits" },
        { "¦0123456", "does not start with 0" },
        { "< 404684003 |tab¦\tinside|", "spaces only" },
        { "< 404684003 ¦|  |", "the term between pipes is empty" },
        { "< 404684003 |bell ¦\u0007|", "control character U+0007" },
        { "¦\"not an alternate identifier\"", "only as an alternate identifier" },
        { "¦LOINC_X#123", "may hold only letters, digits and '-'" },
        { "¦LOINC#", "has no code after '#'" },
        // tokens that never close or never were
        { "< 404684003 ¦|unclosed term", "this term is not closed" },
        { "< 404684003 {{ term = ¦\"unclosed }}", "this quoted string is not closed" },
        { "< 404684003 ¦/* unclosed comment", "this comment is not closed" },
        { "< 404684003 ¦@", "unexpected character '@'" },
        { "< 404684003 ¦! 19829001", "'!' stands only in" },
        { "< 404684003 ¦\u00a0", "unexpected character U+00A0" },
        // expected something else
        { "¦", "expected a concept id" },
        { "   /* only a comment */¦", "expected a concept id" },
        { "(< 404684003¦", "expected AND, OR, MINUS, ':', '.', '{{' or ')'" },
        { "< 404684003 AND ¦", "expected a concept id" },
        { "< 404684003 ¦< 19829001", "expected AND, OR, MINUS" },
        { "< 404684003 ¦404684003", "expected AND, OR, MINUS" },
        { "<< ¦<< 404684003", "expected a concept id, '*', an alternate identifier or '('" },
        { "^ ¦^ 700043003", "expected a concept id" },
        { "< ¦< 404684003", "expected a concept id" },
        { "< 404684003 : 363698007 = * ¦}", "expected the end of the expression constraint" },
        { "< 404684003 : ¦= *", "expected an attribute name, '{', '[', '(' or 'R'" },
        { "< 404684003 : R ¦{ 363698007 = * }", "expected an attribute name" },
        { "< 404684003 : [1..*] ¦", "expected an attribute name, '{' or 'R'" },
        { "^ [¦1] 447562003", "expected a refset field name" },
        { "^ [¦mapTarget2] 447562003", "a field name has letters only" },
        // filter contents
        { "< 404684003 {{ ¦}}", "expected term, language" },
        { "< 404684003 {{ term = \"x\" ¦}", "expected ',' or '}}'" },
        { "< 404684003 {{ D term = \"x\", ¦}}", "expected term, language" },
        { "< 404684003 {{ term ¦< \"x\" }}", "a term filter takes only '=' or '!='" },
        { "< 404684003 {{ term = ¦heart }}", "expected a quoted search term" },
        { "< 404684003 {{ active = ¦2 }}", "expected true, false, '1', '0' or '*'" },
        { "< 404684003 {{ C definitionStatus = ¦fully }}", "expected primitive, defined" },
        { "< 404684003 {{ C ¦term = \"x\" }}", "expected definitionStatus" },
        { "< 404684003 {{ type = ¦synonyms }}", "expected syn, fsn, def" },
        { "< 404684003 {{ language = ¦eng }}", "two letters" },
        { "< 404684003 {{ dialect = ¦en_gb }}", "is not a dialect alias" },
        { "< 404684003 {{ dialectId = (900000000000508004 (¦maybe)) }}", "expected accept or prefer" },
        { "< 404684003 {{ ¦mapTarget = \"x\" }}", "expected term, language" },
        { "< 404684003 {{ id = ¦12345 }}", "not a description identifier" },
        { "< 404684003 {{ C effectiveTime = ¦\"20211331\" }}", "is not a time" },
        { "< 404684003 {{ effectiveTime = ¦20200101 }}", "expected a time in quotes" },
        { "< 404684003 {{ + ¦HISTORY-ALL }}", "expected HISTORY, HISTORY-MIN" },
        { "< 404684003 {{ + HISTORY-MIN ¦(< 404684003) }}", "expected '}}'" },
        { "< 404684003 {{ + HISTORY ¦- MIN }}", "expected '(' or '}}'" },
        { "^ 447562003 {{ M ¦\"x\" = 1 }}", "expected moduleId, effectiveTime, active or a refset field name" },
        { "^ 447562003 {{ M mapGroup < ¦\"x1\" }}", "is not a time" },
        { "^ 447562003 {{ M mapGroup ¦>> #1 }}", "expected '=', '!=', '<', '<=', '>' or '>='" },
        // the specification's example 9.3.6 misses its closing parenthesis
        { "< 125605004 |Fracture of bone| {{ C effectiveTime != (\"20190131\" \"20190731\" \"20200131\" \"20200731\" ¦}}", "expected a time in quotes or ')'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_error_is_reported_where_it_is(string marked, string fragment)
    {
        var offset = marked.IndexOf(Here);
        Assert.True(offset >= 0, "the case has no marker");
        var text = marked.Remove(offset, 1);

        var error = Assert.Throws<EclParseException>(() => EclParser.Parse(text)).Error;

        Assert.Contains(fragment, error.Message);
        Assert.Equal(offset, error.Offset);
        Assert.Equal(1, error.Line);
        Assert.Equal(offset + 1, error.Column);
        Assert.Equal(error.ToString(), Assert.Throws<EclParseException>(() => EclParser.Parse(text)).Message);
    }

    [Fact]
    public void Half_a_surrogate_pair_is_no_character()
    {
        // Not theory data: xUnit's serialization of test cases would replace the lone surrogates.
        Assert.Equal(15, Assert.Throws<EclParseException>(() => EclParser.Parse("< 404684003 |a \ud800 b|")).Error.Offset);
        Assert.Equal(23, Assert.Throws<EclParseException>(() => EclParser.Parse("< 404684003 {{ term = \"\udc00\" }}")).Error.Offset);
        Assert.Equal(18, Assert.Throws<EclParseException>(() => EclParser.Parse("LOINC#1 OR \"LOINC#\ud800\"")).Error.Offset);
    }

    [Theory]
    [InlineData("< 404684003 :\n  363698007 = << 39057004,\n  116676008 = << 415582006\n  OR 42752001 = *", 4, 3)]
    [InlineData("< 404684003\r\n  AND <", 2, 8)]
    [InlineData("< 404684003\r  AND <", 2, 8)]
    [InlineData("/* first\nline */ < 404684003 {{ term = \"a\",\n\tlanguage = eng }}", 3, 13)]
    public void Lines_and_columns_count_every_kind_of_line_break(string text, int line, int column)
    {
        var error = Assert.Throws<EclParseException>(() => EclParser.Parse(text)).Error;

        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
    }

    [Fact]
    public void Expected_lists_what_the_grammar_allowed()
    {
        var error = Assert.Throws<EclParseException>(() => EclParser.Parse("< 404684003 {{ C active ! }}")).Error;
        Assert.Equal(24, error.Offset);

        var expected = Assert.Throws<EclParseException>(() => EclParser.Parse("< 404684003 {{ active = maybe }}")).Error;
        Assert.Equal(["true", "false", "'1'", "'0'", "'*'"], expected.Expected);
        Assert.Equal("expected true, false, '1', '0' or '*' but found 'maybe'", expected.Message);
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_an_error_at_the_level_that_exceeds_it()
    {
        var text = new string('(', 100_000) + "404684003" + new string(')', 100_000);

        var error = Assert.Throws<EclParseException>(() => EclParser.Parse(text)).Error;

        Assert.Equal(EclParser.MaxNestingDepth, error.Offset);
        Assert.Contains("nests more than", error.Message);
    }

    [Theory]
    [InlineData("< 404684003 : ", "(363698007 = * OR ", ")")]
    [InlineData("< 404684003 {{ C moduleId = ", "< 900000000000207008 {{ C moduleId = ", " }}")]
    [InlineData("< 404684003 : ", "363698007 = (< 404684003 : ", ")")]
    [InlineData("", "<< ^ (", ")")]
    public void Every_kind_of_nesting_is_bounded(string prefix, string open, string close)
    {
        var text = prefix + string.Concat(Enumerable.Repeat(open, 5_000)) + "404684003" + string.Concat(Enumerable.Repeat(close, 5_000));

        var error = Assert.Throws<EclParseException>(() => EclParser.Parse(text)).Error;

        Assert.Contains("nests more than", error.Message);
    }

    [Fact]
    public void Null_is_an_argument_error_not_a_parse_error()
    {
        Assert.Throws<ArgumentNullException>(() => EclParser.Parse(null!));
    }
}
