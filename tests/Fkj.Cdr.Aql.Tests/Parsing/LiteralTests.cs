using Fkj.Cdr.Aql.Syntax;
using static Fkj.Cdr.Aql.Tests.Support.Aql;

namespace Fkj.Cdr.Aql.Tests.Parsing;

/// <summary>Strings and their escapes, numbers, booleans, NULL, dates and times.</summary>
public class LiteralTests
{
    private static AqlExpression Value(string literal) => ((ComparisonCondition)Where($"o/x = {literal}")).Right;

    [Theory]
    [InlineData("'plain'", "plain")]
    [InlineData("\"double\"", "double")]
    [InlineData("''", "")]
    [InlineData("'it\\'s'", "it's")]
    [InlineData("\"say \\\"hi\\\"\"", "say \"hi\"")]
    [InlineData("\"it's\"", "it's")]
    [InlineData("'say \"hi\"'", "say \"hi\"")]
    [InlineData("'a\\\\b'", "a\\b")]
    [InlineData("'\\a\\b\\f\\n\\r\\t\\v\\?'", "\a\b\f\n\r\t\v?")]
    [InlineData("'\\u00E6\\u00f8\\u00E5'", "æøå")]
    [InlineData("'\\101\\60\\7'", "A0\a")]
    [InlineData("'C:\\data\\x'", "C:\\data\\x")]
    [InlineData("'\\u12'", "\\u12")]
    [InlineData("'æøå ✓ 😀'", "æøå ✓ 😀")]
    [InlineData("'two\nlines'", "two\nlines")]
    public void Strings_are_decoded(string literal, string value)
    {
        Assert.Equal(new StringLiteral(value), Value(literal));
    }

    [Theory]
    [InlineData("2024-03-01", TemporalKind.Date)]
    [InlineData("20240301", TemporalKind.Date)]
    [InlineData("10:15:30", TemporalKind.Time)]
    [InlineData("101530", TemporalKind.Time)]
    [InlineData("10:15:30.123+01:00", TemporalKind.Time)]
    [InlineData("2024-03-01T10:15:30Z", TemporalKind.DateTime)]
    [InlineData("2024-03-01T10:15:30.123456+0100", TemporalKind.DateTime)]
    [InlineData("20240301T101530,5-05", TemporalKind.DateTime)]
    [InlineData("2024-13-01", TemporalKind.None)]
    [InlineData("2024-03-01T25:00:00", TemporalKind.None)]
    [InlineData("2024-03-01T101530", TemporalKind.None)]
    [InlineData("2024-03", TemporalKind.None)]
    [InlineData("first value", TemporalKind.None)]
    [InlineData("", TemporalKind.None)]
    public void Dates_and_times_are_strings_with_a_kind(string text, TemporalKind kind)
    {
        var literal = Assert.IsType<StringLiteral>(Value($"'{text}'"));

        Assert.Equal(text, literal.Value);
        Assert.Equal(kind, literal.Temporal);
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("42", 42L)]
    [InlineData("-42", -42L)]
    [InlineData("- 42", -42L)]
    [InlineData("- -42", 42L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("007", 7L)]
    public void Integers(string literal, long value)
    {
        Assert.Equal(new IntegerLiteral(value), Value(literal));
    }

    [Theory]
    [InlineData("3.25", 3.25)]
    [InlineData(".5", 0.5)]
    [InlineData("-0.5", -0.5)]
    [InlineData("1e3", 1000.0)]
    [InlineData("2.5E-3", 0.0025)]
    [InlineData("-1.5e+2", -150.0)]
    public void Reals(string literal, double value)
    {
        Assert.Equal(new RealLiteral(value), Value(literal));
    }

    [Theory]
    [InlineData("9223372036854775808", "the integer 9223372036854775808 is out of range: integers are 64-bit")]
    [InlineData("-9223372036854775809", "the integer -9223372036854775809 is out of range: integers are 64-bit")]
    [InlineData("1e999", "the number 1e999 is out of range")]
    public void Numbers_out_of_range_are_errors(string literal, string message)
    {
        var error = Error($"SELECT o FROM OBSERVATION o WHERE o/x = {literal}");

        Assert.Equal(message, error.Message);
        Assert.Equal(41 + (literal.StartsWith('-') ? 1 : 0), error.Column);
    }

    [Fact]
    public void Booleans_and_null_in_any_case()
    {
        Assert.Equal(new BooleanLiteral(true), Value("True"));
        Assert.Equal(new BooleanLiteral(false), Value("fAlSe"));
        Assert.Equal(new NullLiteral(), Value("Null"));
    }

    [Fact]
    public void Parameters_with_dollar_or_colon()
    {
        Assert.Equal(new ParameterRef("ehr_id2"), Value("$ehr_id2"));
        Assert.Equal(new ParameterRef("ehrId", ParameterStyle.Colon), Value(":ehrId"));
    }
}
