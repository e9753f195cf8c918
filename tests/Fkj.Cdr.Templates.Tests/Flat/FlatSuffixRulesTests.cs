using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Rm.DataStructures;
using Fkj.Cdr.Rm.DataTypes;
using static Fkj.Cdr.Templates.Tests.Flat.FlatKit;

namespace Fkj.Cdr.Templates.Tests.Flat;

/// <summary>
/// Each data value type's suffixes on test_all_types (whose observation holds one element of each), with the RM
/// value expected by hand, and the FLAT written back.
/// </summary>
public class FlatSuffixRulesTests
{
    private const string Obs = "test_all_types/test_all_types:0";
    private const string Eval = "test_all_types/test_all_types2:0";

    private static List<Item> Items(string keys) =>
        EventItems(AllTypesObservation(Decode(AllTypes, $$"""{ {{AllTypesHeader}} {{keys}} }""")));

    private static DataValue? ValueOf(string keys, string nodeId) => Value(Items(keys), nodeId);

    private static Dictionary<string, string> RoundTrip(string keys) => Keys(AllTypes, Decode(AllTypes, $$"""{ {{AllTypesHeader}} {{keys}} }"""));

    [Fact]
    public void Quantity_magnitude_and_unit()
    {
        var quantity = Assert.IsType<DvQuantity>(ValueOf($$""" "{{Obs}}/quantity|magnitude": 65.5, "{{Obs}}/quantity|unit": "kg", "{{Obs}}/quantity|precision": 1 """, "at0007"));
        Assert.Equal((65.5, "kg", 1), (quantity.Magnitude, quantity.Units, quantity.Precision));
        // |units is the SDK's other spelling; a numeric string is its number.
        var spelled = Assert.IsType<DvQuantity>(ValueOf($$""" "{{Obs}}/quantity|magnitude": "12.25", "{{Obs}}/quantity|units": "mg" """, "at0007"));
        Assert.Equal((12.25, "mg"), (spelled.Magnitude, spelled.Units));
        var flat = RoundTrip($$""" "{{Obs}}/quantity|magnitude": 65.5, "{{Obs}}/quantity|unit": "kg" """);
        Assert.Equal(("65.5", "kg"), (flat[$"{Obs}/quantity|magnitude"], flat[$"{Obs}/quantity|unit"]));
    }

    [Fact]
    public void A_quantity_whose_template_allows_one_unit_takes_it()
    {
        var composition = Decode(VitalSigns, """{ "ctx/language": "nb", "ctx/territory": "NO", "ctx/composer_name": "K", "vitale_parametre_og_news2/blodtrykk/systolisk|magnitude": 120 }""");
        var systolic = Assert.IsType<DvQuantity>(Value(EventItems(composition.Content![0]), "at0004"));
        Assert.Equal("mm[Hg]", systolic.Units);
    }

    [Fact]
    public void Coded_text_by_code_by_label_by_plain_value_and_with_its_own_terminology()
    {
        // test_all_types' context element lists at0006 value1, at0007 value2, at0008 value3 (an ITEM_SINGLE in other_context).
        static DvCodedText Coded(string keys) =>
            Assert.IsType<DvCodedText>(((ItemSingle)Decode(AllTypes, $$"""{ {{AllTypesHeader}} {{keys}} }""").Context!.OtherContext!).Item.Value);
        const string context = "test_all_types/context/context_coded_text";
        var byCode = Coded($$""" "{{context}}|code": "at0007" """);
        Assert.Equal(("at0007", "value2", "local"), (byCode.DefiningCode.CodeString, byCode.Value, byCode.DefiningCode.TerminologyId.Value));
        var byLabel = Coded($$""" "{{context}}|value": "value3" """);
        Assert.Equal("at0008", byLabel.DefiningCode.CodeString);
        Assert.Equal("at0006", Coded($$""" "{{context}}": "at0006" """).DefiningCode.CodeString);
        Assert.Equal("at0006", Coded($$""" "{{context}}": "value1" """).DefiningCode.CodeString);
        // A text given with the code is kept (a translation, say).
        Assert.Equal("Wert 2", Coded($$""" "{{context}}|code": "at0007", "{{context}}|value": "Wert 2" """).Value);
        // A code the template does not list needs its text; the terminology comes from the node.
        var unlisted = Assert.IsType<DvCodedText>(ValueOf($$""" "{{Obs}}/coded_text|code": "at0099", "{{Obs}}/coded_text|value": "other" """, "at0005"));
        Assert.Equal(("at0099", "local"), (unlisted.DefiningCode.CodeString, unlisted.DefiningCode.TerminologyId.Value));

        var external = Assert.IsType<DvCodedText>(ValueOf($$""" "{{Obs}}/coded_text_terminology|code": "1004034", "{{Obs}}/coded_text_terminology|value": "x", "{{Obs}}/coded_text_terminology|terminology": "SNOMED-CT" """, "at0006"));
        Assert.Equal(("1004034", "SNOMED-CT"), (external.DefiningCode.CodeString, external.DefiningCode.TerminologyId.Value));
        var flat = RoundTrip($$""" "{{context}}|code": "at0007" """);
        Assert.Equal(("at0007", "value2", "local"), (flat[$"{context}|code"], flat[$"{context}|value"], flat[$"{context}|terminology"]));
    }

    [Fact]
    public void A_text_node_given_a_code_is_a_coded_text_and_an_open_list_takes_other()
    {
        var coded = Assert.IsType<DvCodedText>(ValueOf($$""" "{{Obs}}/text|code": "123", "{{Obs}}/text|value": "Pain", "{{Obs}}/text|terminology": "SNOMED-CT" """, "at0004"));
        Assert.Equal(("123", "Pain"), (coded.DefiningCode.CodeString, coded.Value));

        // The vital-signs template's body temperature site is a DV_CODED_TEXT with an open list: |other is free text.
        var composition = Decode(VitalSigns, """
            { "ctx/language": "nb", "ctx/territory": "NO", "ctx/composer_name": "K",
              "vitale_parametre_og_news2/kroppstemperatur/temperatur|magnitude": 37.1,
              "vitale_parametre_og_news2/kroppstemperatur/målested|other": "Panne" }
            """);
        var site = ((ItemTree)((Observation)composition.Content![0]).Protocol!).Items!.OfType<Element>().Single().Value;
        Assert.Equal(DvText.Meta, site!.RmType);
        Assert.Equal("Panne", ((DvText)site).Value);
        Assert.Equal("Panne", Keys(VitalSigns, composition)["vitale_parametre_og_news2/kroppstemperatur/målested|other"]);
    }

    [Fact]
    public void Ordinal_from_its_code_with_number_and_text_from_the_template()
    {
        var ordinal = Assert.IsType<DvOrdinal>(ValueOf($$""" "{{Obs}}/ordinal|code": "at0016" """, "at0013"));
        Assert.Equal((2, "ord3", "local"), (ordinal.Value, ordinal.Symbol.Value, ordinal.Symbol.DefiningCode.TerminologyId.Value));
        // The template's number wins over a different one given (as in the SDK); |terminology is always local.
        var fixedByList = Assert.IsType<DvOrdinal>(ValueOf($$""" "{{Obs}}/ordinal|code": "at0015", "{{Obs}}/ordinal|ordinal": 7, "{{Obs}}/ordinal|terminology": "undefined" """, "at0013"));
        Assert.Equal((1, "local"), (fixedByList.Value, fixedByList.Symbol.DefiningCode.TerminologyId.Value));
        var flat = RoundTrip($$""" "{{Obs}}/ordinal": "at0016" """);
        Assert.Equal(("at0016", "ord3", "2"), (flat[$"{Obs}/ordinal|code"], flat[$"{Obs}/ordinal|value"], flat[$"{Obs}/ordinal|ordinal"]));
        Assert.False(flat.ContainsKey($"{Obs}/ordinal|terminology"));
    }

    [Fact]
    public void Count_boolean_dates_times_uri_and_plain_text()
    {
        var items = Items($$"""
            "{{Obs}}/count": 10, "{{Obs}}/boolean": true, "{{Obs}}/date": "2019-01", "{{Obs}}/datetime": "2019-01-28T21:22:49.426Z",
            "{{Obs}}/time": "18:36:49", "{{Obs}}/text": "free text", "{{Obs}}/duration_any": "PT30M"
            """);
        Assert.Equal(10, Assert.IsType<DvCount>(Value(items, "at0008")).Magnitude);
        Assert.True(Assert.IsType<DvBoolean>(Value(items, "at0017")).Value);
        Assert.Equal("2019-01", Assert.IsType<DvDate>(Value(items, "at0009")).Value);
        Assert.Equal("2019-01-28T21:22:49.426Z", Assert.IsType<DvDateTime>(Value(items, "at0010")).Value);
        Assert.Equal("18:36:49", Assert.IsType<DvTime>(Value(items, "at0012")).Value);
        Assert.Equal("free text", Assert.IsType<DvText>(Value(items, "at0004")).Value);
        Assert.Equal("PT30M", Assert.IsType<DvDuration>(Value(items, "at0018")).Value);
        // |value is the plain value's other spelling; a boolean may be a string.
        var spelled = Items($$""" "{{Obs}}/count|value": 3, "{{Obs}}/boolean": "false" """);
        Assert.Equal(3, Assert.IsType<DvCount>(Value(spelled, "at0008")).Magnitude);
        Assert.False(Assert.IsType<DvBoolean>(Value(spelled, "at0017")).Value);
    }

    [Fact]
    public void Duration_from_its_parts()
    {
        var duration = Assert.IsType<DvDuration>(ValueOf($$""" "{{Obs}}/duration_any|year": 1, "{{Obs}}/duration_any|day": 2, "{{Obs}}/duration_any|hour": 3, "{{Obs}}/duration_any|minute": 0, "{{Obs}}/duration_any|second": 5 """, "at0018"));
        Assert.Equal("P1Y2DT3H5S", duration.Value);
        Assert.Equal("PT0S", Assert.IsType<DvDuration>(ValueOf($$""" "{{Obs}}/duration_any|week": 0 """, "at0018")).Value);
    }

    [Fact]
    public void Proportion_identifier_multimedia_and_parsable()
    {
        var items = Items($$"""
            "{{Obs}}/proportion_any|numerator": 1.5, "{{Obs}}/proportion_any|denominator": 2, "{{Obs}}/proportion_any|type": 1.0, "{{Obs}}/proportion_any": 0.75,
            "{{Obs}}/identifier": "55175056", "{{Obs}}/identifier|issuer": "HdC", "{{Obs}}/identifier|assigner": "HdC2", "{{Obs}}/identifier|type": "LOCALID",
            "{{Obs}}/multimedia_any": "www.iana.org", "{{Obs}}/multimedia_any|mediatype": "image/jpeg", "{{Obs}}/multimedia_any|size": 177628,
            "{{Obs}}/multimedia_any|alternatetext": "logo",
            "{{Obs}}/parsable_any": "20170629", "{{Obs}}/parsable_any|formalism": "ISO8601"
            """);
        var proportion = Assert.IsType<DvProportion>(Value(items, "at0022"));
        Assert.Equal((1.5, 2.0, 1), (proportion.Numerator, proportion.Denominator, proportion.Type));
        var identifier = Assert.IsType<DvIdentifier>(Value(items, "at0021"));
        Assert.Equal(("55175056", "HdC", "HdC2", "LOCALID"), (identifier.Id, identifier.Issuer, identifier.Assigner, identifier.Type));
        var multimedia = Assert.IsType<DvMultimedia>(Value(items, "at0019"));
        Assert.Equal(("www.iana.org", "IANA_media-types", "image/jpeg", 177628, "logo"),
            (multimedia.Uri!.Value, multimedia.MediaType.TerminologyId.Value, multimedia.MediaType.CodeString, multimedia.Size, multimedia.AlternateText));
        var parsable = Assert.IsType<DvParsable>(Value(items, "at0020"));
        Assert.Equal(("20170629", "ISO8601"), (parsable.Value, parsable.Formalism));

        var flat = RoundTrip($$""" "{{Obs}}/proportion_any|numerator": 1.5, "{{Obs}}/proportion_any|denominator": 2, "{{Obs}}/proportion_any|type": 1, "{{Obs}}/identifier": "55175056" """);
        Assert.Equal("0.75", flat[$"{Obs}/proportion_any"]);
        Assert.Equal("55175056", flat[$"{Obs}/identifier|id"]);
    }

    [Fact]
    public void Intervals_with_bounds_and_flags()
    {
        var composition = Decode(AllTypes, $$"""
            { {{AllTypesHeader}}
              "{{Eval}}/interval_count/lower": 5, "{{Eval}}/interval_count/upper": 8, "{{Eval}}/interval_count|upper_included": false,
              "{{Eval}}/interval_quantity/lower|magnitude": 1, "{{Eval}}/interval_quantity/lower|unit": "mg" }
            """);
        var items = ((ItemTree)composition.Content!.OfType<Evaluation>().Single().Data).Items!;
        var count = Assert.IsType<DvInterval>(Value(items, "at0003"));
        Assert.Equal((5L, 8L), (((DvCount)count.Lower!).Magnitude, ((DvCount)count.Upper!).Magnitude));
        Assert.Equal((true, false, false, false), (count.LowerIncluded, count.UpperIncluded, count.LowerUnbounded, count.UpperUnbounded));
        var quantity = Assert.IsType<DvInterval>(Value(items, "at0004"));
        Assert.Equal(("mg", true, null), (((DvQuantity)quantity.Lower!).Units, quantity.UpperUnbounded, quantity.UpperIncluded));

        var flat = Keys(AllTypes, composition);
        Assert.Equal("false", flat[$"{Eval}/interval_count|upper_included"]);
        // Flags the bounds imply are not written.
        Assert.False(flat.ContainsKey($"{Eval}/interval_count|lower_included"));
        Assert.False(flat.ContainsKey($"{Eval}/interval_quantity|upper_unbounded"));
    }

    [Fact]
    public void Element_value_choices_take_the_alternative_by_its_id()
    {
        var composition = Decode(AllTypes, $$"""{ {{AllTypesHeader}} "{{Eval}}/choice/count_value": 4 }""");
        var items = ((ItemTree)composition.Content!.OfType<Evaluation>().Single().Data).Items!;
        Assert.Equal(4, Assert.IsType<DvCount>(Value(items, "at0009")).Magnitude);
        Assert.Equal("4", Keys(AllTypes, composition)[$"{Eval}/choice/count_value"]);
    }

    [Fact]
    public void Repeated_nodes_take_indexes_a_missing_index_is_0_and_gaps_close()
    {
        var composition = Decode(AllTypes, $$"""
            { {{AllTypesHeader}}
              "test_all_types/test_all_types/count": 1,
              "test_all_types/test_all_types:3/count": 3 }
            """);
        var observations = composition.Content!.OfType<Observation>().ToList();
        Assert.Equal([1L, 3L], observations.Select(o => ((DvCount)Value(EventItems(o), "at0008")!).Magnitude));
        var flat = Keys(AllTypes, composition);
        Assert.Equal("1", flat["test_all_types/test_all_types:0/count"]);
        Assert.Equal("3", flat["test_all_types/test_all_types:1/count"]);
    }

    [Fact]
    public void Keys_in_any_order_land_on_the_same_occurrences_and_index_1_is_not_a_prefix_of_10()
    {
        // The reader resumes a key after the segments it shares with the previous key: orders that share
        // nothing, share a prefix up to a digit (:1 then :10), or come back to an earlier occurrence agree.
        string[] keys =
        [
            "\"test_all_types/test_all_types:1/count\": 1", "\"test_all_types/test_all_types:10/count\": 10",
            "\"test_all_types/test_all_types:1/count|normal_status\": \"N\"", "\"test_all_types/test_all_types:2/count\": 2",
            "\"test_all_types/test_all_types/count\": 0",
        ];
        var expected = Rm.Codecs.Json.CanonicalJson.Encode(Decode(AllTypes, $"{{ {AllTypesHeader} {string.Join(", ", keys)} }}"));
        var random = new Random(7);
        for (var i = 0; i < 20; i++)
        {
            var order = i == 0 ? keys.Reverse().ToArray() : keys.OrderBy(_ => random.Next()).ToArray();
            var composition = Decode(AllTypes, $"{{ {AllTypesHeader} {string.Join(", ", order)} }}");
            Assert.Equal(expected, Rm.Codecs.Json.CanonicalJson.Encode(composition));
        }

        var observations = Decode(AllTypes, $"{{ {AllTypesHeader} {string.Join(", ", keys)} }}").Content!.OfType<Observation>().ToList();
        Assert.Equal([0L, 1L, 2L, 10L], observations.Select(o => ((DvCount)Value(EventItems(o), "at0008")!).Magnitude));
        Assert.Equal("N", ((DvCount)Value(EventItems(observations[1]), "at0008")!).NormalStatus!.CodeString);
    }
}
