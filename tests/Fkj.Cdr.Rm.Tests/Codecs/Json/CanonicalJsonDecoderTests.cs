using System.Text;
using Fkj.Cdr.Rm.Codecs;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Rm.DataStructures;
using Fkj.Cdr.Rm.DataTypes;

namespace Fkj.Cdr.Rm.Tests.Codecs.Json;

public class CanonicalJsonDecoderTests
{
    private static RmFormatException Fails(string json) =>
        Assert.Throws<RmFormatException>(() => CanonicalJson.Decode(Encoding.UTF8.GetBytes(json)));

    private static RmFormatError Single(RmFormatException e) => Assert.Single(e.Errors);

    [Fact]
    public void Malformed_json_reports_line_and_column()
    {
        // The stray token starts on the fourth line, in the third column.
        var error = Single(Fails("{\n  \"_type\": \"DV_TEXT\",\n  \"value\": \"x\"\n  oops }"));
        Assert.Equal(RmFormatErrorCodes.Syntax, error.Code);
        Assert.Equal(4, error.Line);
        Assert.Equal(3, error.Column);
    }

    [Fact]
    public void Invalid_utf8_is_located()
    {
        // The invalid byte follows `"value": "` (ten bytes) on the second line.
        byte[] input = [.. "{\"_type\": \"DV_TEXT\",\n\"value\": \""u8, 0xC3, 0x28, .. "\"}"u8];
        var error = Single(Assert.Throws<RmFormatException>(() => CanonicalJson.Decode(input)));
        Assert.Equal(RmFormatErrorCodes.Syntax, error.Code);
        Assert.Equal((2, 11), (error.Line, error.Column));
    }

    [Fact]
    public void An_escaped_lone_surrogate_is_an_invalid_value()
    {
        var error = Single(Fails("{\"_type\": \"DV_TEXT\", \"value\": \"\\ud800\"}"));
        Assert.Equal(RmFormatErrorCodes.InvalidValue, error.Code);
        Assert.Equal("/value", error.Path);
    }

    [Fact]
    public void Truncated_document_is_a_syntax_error()
    {
        var error = Single(Fails("{\"_type\": \"DV_TEXT\", \"value\": \"x\""));
        Assert.Equal(RmFormatErrorCodes.Syntax, error.Code);
    }

    [Fact]
    public void Unknown_type_is_reported_at_its_path()
    {
        var error = Single(Fails("""
            {"_type": "ELEMENT", "archetype_node_id": "at0001", "name": {"value": "n"},
             "value": {"_type": "DV_QUANTITYX", "magnitude": 1, "units": "kg"}}
            """));
        Assert.Equal(RmFormatErrorCodes.UnknownType, error.Code);
        Assert.Equal("/value/_type", error.Path);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void A_type_that_does_not_fit_the_attribute_is_a_mismatch()
    {
        var error = Single(Fails("""
            {"_type": "CLUSTER", "archetype_node_id": "at0001", "name": {"value": "n"},
             "items": [{"_type": "DV_TEXT", "value": "not an item"}]}
            """));
        Assert.Equal(RmFormatErrorCodes.TypeMismatch, error.Code);
        Assert.Equal("/items/0/_type", error.Path);
    }

    [Fact]
    public void An_attribute_that_does_not_belong_to_the_type_is_reported()
    {
        var error = Single(Fails("""{"_type": "DV_QUANTITY", "magnitude": 1, "units": "kg", "unit": "kg"}"""));
        Assert.Equal(RmFormatErrorCodes.UnknownAttribute, error.Code);
        Assert.Equal("/unit", error.Path);
        Assert.Contains("DV_QUANTITY", error.Message);
    }

    [Fact]
    public void An_abstract_declared_type_needs_a_type_discriminator()
    {
        var error = Single(Fails("""
            {"_type": "ELEMENT", "archetype_node_id": "at0001", "name": {"value": "n"},
             "value": {"magnitude": 1, "units": "kg"}}
            """));
        Assert.Equal(RmFormatErrorCodes.MissingType, error.Code);
        Assert.Equal("/value", error.Path);
    }

    [Fact]
    public void A_concrete_declared_type_may_omit_the_discriminator()
    {
        var element = Assert.IsType<Element>(CanonicalJson.Decode("""
            {"_type": "ELEMENT", "archetype_node_id": "at0001", "name": {"value": "Weight"},
             "value": {"_type": "DV_QUANTITY", "magnitude": 72.5, "units": "kg", "property": {"terminology_id": {"value": "openehr"}, "code_string": "124"}}}
            """u8));
        Assert.IsType<DvText>(element.Name);
        Assert.Equal("Weight", element.Name.Value);
        var quantity = Assert.IsType<DvQuantity>(element.Value);
        Assert.Equal(72.5, quantity.Magnitude);
        Assert.Equal("124", quantity.Property!.CodeString);
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        var errors = Fails("""
            {"_type": "CLUSTER", "archetype_node_id": "at0001", "name": {"value": "n"},
             "items": [
               {"_type": "ELEMENT", "archetype_node_id": "at0002", "name": {"value": "a"}, "colour": "red"},
               {"_type": "ELEMENT", "archetype_node_id": "at0003", "name": {"value": "b"},
                "value": {"_type": "DV_COUNT", "magnitude": "three"}}
             ]}
            """).Errors;
        Assert.Equal(2, errors.Count);
        Assert.Equal(("/items/0/colour", RmFormatErrorCodes.UnknownAttribute), (errors[0].Path, errors[0].Code));
        Assert.Equal(("/items/1/value/magnitude", RmFormatErrorCodes.WrongValueKind), (errors[1].Path, errors[1].Code));
    }

    [Fact]
    public void A_missing_mandatory_attribute_is_reported_on_its_object()
    {
        var error = Single(Fails("""{"_type": "DV_CODED_TEXT", "value": "x", "defining_code": {"terminology_id": {"value": "local"}}}"""));
        Assert.Equal(RmFormatErrorCodes.MissingAttribute, error.Code);
        Assert.Equal("/defining_code", error.Path);
        Assert.Contains("code_string", error.Message);
    }

    [Fact]
    public void A_32_bit_integer_attribute_refuses_a_larger_value()
    {
        var error = Single(Fails("""{"_type": "DV_ORDINAL", "value": 4294967296, "symbol": {"value": "x", "defining_code": {"terminology_id": {"value": "local"}, "code_string": "at1"}}}"""));
        Assert.Equal(RmFormatErrorCodes.InvalidValue, error.Code);
        Assert.Equal("/value", error.Path);
    }

    [Fact]
    public void The_root_must_have_the_expected_type()
    {
        var error = Assert.Single(Assert.Throws<RmFormatException>(() =>
            CanonicalJson.Decode<Composition>("""{"_type": "DV_TEXT", "value": "x"}"""u8)).Errors);
        Assert.Equal(RmFormatErrorCodes.TypeMismatch, error.Code);
    }

    [Fact]
    public void Hostile_nesting_is_refused_without_crashing()
    {
        var json = new StringBuilder("{\"_type\":\"CLUSTER\",\"archetype_node_id\":\"at1\",\"name\":{\"value\":\"n\"},\"items\":");
        for (var i = 0; i < 5000; i++) json.Append('[');
        Assert.Contains(Fails(json.ToString()).Errors, e => e.Code == RmFormatErrorCodes.Syntax);
    }

    [Theory]
    [InlineData("DV_DATE_TIME", "2021-03")]
    [InlineData("DV_DATE_TIME", "2021-03-04T10:15:30.123456+01:00")]
    [InlineData("DV_DATE_TIME", "20210304T101530Z")]
    [InlineData("DV_DATE", "2021")]
    [InlineData("DV_TIME", "T10")]
    [InlineData("DV_TIME", "10:15:30,5")]
    [InlineData("DV_DURATION", "P1Y2M3DT4H5M6.7S")]
    [InlineData("DV_DURATION", "-P2W")]
    public void Partial_and_extended_iso8601_values_are_kept_as_written(string type, string value)
    {
        var input = $$"""{"_type":"{{type}}","value":"{{value}}"}""";
        var output = Encoding.UTF8.GetString(CanonicalJson.Encode(CanonicalJson.Decode(Encoding.UTF8.GetBytes(input))));
        Assert.Equal(input, output);
    }
}
