using System.Buffers.Binary;
using System.Text;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Storage.Records;

namespace Fkj.Cdr.Storage.Tests.Records;

/// <summary>The query index's view of a document: which values become rows, at which paths, with which ancestors and columns.</summary>
public sealed class LeafIndexTests
{
    private const string Root = "[openEHR-EHR-COMPOSITION.encounter.v1]";
    private const string Observation = Root + "/content[openEHR-EHR-OBSERVATION.blood_pressure.v2]/data[at0001]/events[at0006]/data[at0003]";

    /// <summary>
    /// COMPOSITION (0) → context (other_context ITEM_TREE 1 → ELEMENT 2) and OBSERVATION (3) → HISTORY (4) →
    /// two POINT_EVENTs (5, 9), each ITEM_TREE (6, 10) with a systolic and a diastolic ELEMENT (7, 8 and 11, 12).
    /// </summary>
    private static readonly string Json = """
        {"_type":"COMPOSITION","name":{"_type":"DV_TEXT","value":"Vitals"},"archetype_node_id":"openEHR-EHR-COMPOSITION.encounter.v1",
         "archetype_details":{"_type":"ARCHETYPED","archetype_id":{"_type":"ARCHETYPE_ID","value":"openEHR-EHR-COMPOSITION.encounter.v1"},"rm_version":"1.1.0"},
         "language":{"_type":"CODE_PHRASE","terminology_id":{"_type":"TERMINOLOGY_ID","value":"ISO_639-1"},"code_string":"nb"},
         "territory":{"_type":"CODE_PHRASE","terminology_id":{"_type":"TERMINOLOGY_ID","value":"ISO_3166-1"},"code_string":"NO"},
         "category":{"_type":"DV_CODED_TEXT","value":"event","defining_code":{"_type":"CODE_PHRASE","terminology_id":{"_type":"TERMINOLOGY_ID","value":"openehr"},"code_string":"433"}},
         "composer":{"_type":"PARTY_IDENTIFIED","name":"Kari"},
         "context":{"_type":"EVENT_CONTEXT","start_time":{"_type":"DV_DATE_TIME","value":"2025-03-14T08:10:00+01:00"},
            "setting":{"_type":"DV_CODED_TEXT","value":"home","defining_code":{"_type":"CODE_PHRASE","terminology_id":{"_type":"TERMINOLOGY_ID","value":"openehr"},"code_string":"225"}},
            "other_context":{"_type":"ITEM_TREE","name":{"_type":"DV_TEXT","value":"Tree"},"archetype_node_id":"at0001","items":[
               {"_type":"ELEMENT","name":{"_type":"DV_TEXT","value":"Period"},"archetype_node_id":"at0002",
                "value":{"_type":"DV_INTERVAL","lower":{"_type":"DV_COUNT","magnitude":1},"upper":{"_type":"DV_COUNT","magnitude":3},"lower_unbounded":false,"upper_unbounded":false}}]}},
         "content":[{"_type":"OBSERVATION","name":{"_type":"DV_TEXT","value":"BP"},"archetype_node_id":"openEHR-EHR-OBSERVATION.blood_pressure.v2",
            "language":{"_type":"CODE_PHRASE","terminology_id":{"_type":"TERMINOLOGY_ID","value":"ISO_639-1"},"code_string":"nb"},
            "encoding":{"_type":"CODE_PHRASE","terminology_id":{"_type":"TERMINOLOGY_ID","value":"IANA_character-sets"},"code_string":"UTF-8"},
            "subject":{"_type":"PARTY_SELF"},
            "data":{"_type":"HISTORY","name":{"_type":"DV_TEXT","value":"History"},"archetype_node_id":"at0001","origin":{"_type":"DV_DATE_TIME","value":"2025-03-14T08:12:00+01:00"},
              "events":[
                {"_type":"POINT_EVENT","name":{"_type":"DV_TEXT","value":"Any"},"archetype_node_id":"at0006","time":{"_type":"DV_DATE_TIME","value":"2025-03-14T08:12:00+01:00"},
                 "data":{"_type":"ITEM_TREE","name":{"_type":"DV_TEXT","value":"t"},"archetype_node_id":"at0003","items":[
                   {"_type":"ELEMENT","name":{"_type":"DV_TEXT","value":"Systolic"},"archetype_node_id":"at0004","value":{"_type":"DV_QUANTITY","magnitude":120,"units":"mm[Hg]"}},
                   {"_type":"ELEMENT","name":{"_type":"DV_TEXT","value":"Diastolic"},"archetype_node_id":"at0005","value":{"_type":"DV_QUANTITY","magnitude":80,"units":"mm[Hg]"}}]}},
                {"_type":"POINT_EVENT","name":{"_type":"DV_TEXT","value":"Any"},"archetype_node_id":"at0006","time":{"_type":"DV_DATE_TIME","value":"2025-03-14T09:12:00+01:00"},
                 "data":{"_type":"ITEM_TREE","name":{"_type":"DV_TEXT","value":"t"},"archetype_node_id":"at0003","items":[
                   {"_type":"ELEMENT","name":{"_type":"DV_TEXT","value":"Systolic"},"archetype_node_id":"at0004","value":{"_type":"DV_QUANTITY","magnitude":130,"units":"mm[Hg]"}},
                   {"_type":"ELEMENT","name":{"_type":"DV_TEXT","value":"Comment"},"archetype_node_id":"at0033","value":{"_type":"DV_TEXT","value":"%LONG%"}}]}}]}}]}
        """.Replace("%LONG%", new string('x', 300), StringComparison.Ordinal);

    private static IReadOnlyList<LeafRow> Rows() => LeafIndex.Extract(CanonicalJson.Decode<Composition>(Encoding.UTF8.GetBytes(Json)));

    private static short[] Ancestors(LeafRow row)
    {
        var numbers = new short[row.Ancestors.Length / 2];
        for (var i = 0; i < numbers.Length; i++) numbers[i] = BinaryPrimitives.ReadInt16BigEndian(row.Ancestors.AsSpan(i * 2));
        return numbers;
    }

    [Fact]
    public void EveryLeafValueIsARowAtItsArchetypePath()
    {
        var rows = Rows();
        Assert.Equal(
        [
            Root + "/category",
            Root + "/context/start_time",
            Root + "/context/setting",
            Root + "/context/other_context[at0001]/items[at0002]/value/lower",
            Root + "/context/other_context[at0001]/items[at0002]/value/upper",
            Root + "/content[openEHR-EHR-OBSERVATION.blood_pressure.v2]/data[at0001]/origin",
            Root + "/content[openEHR-EHR-OBSERVATION.blood_pressure.v2]/data[at0001]/events[at0006]/time",
            Observation + "/items[at0004]/value",
            Observation + "/items[at0005]/value",
            Root + "/content[openEHR-EHR-OBSERVATION.blood_pressure.v2]/data[at0001]/events[at0006]/time",
            Observation + "/items[at0004]/value",
            Observation + "/items[at0033]/value",
        ], rows.Select(r => r.Path.Path));
        Assert.Equal("COMPOSITION/OBSERVATION/HISTORY/POINT_EVENT/ITEM_TREE/ELEMENT/DV_QUANTITY", rows[7].Path.RmTypes);
        Assert.Equal("COMPOSITION/EVENT_CONTEXT/ITEM_TREE/ELEMENT/DV_INTERVAL/DV_COUNT", rows[3].Path.RmTypes);
        // The same path is one LeafPath, interned once.
        Assert.Same(rows[7].Path.Path, rows[10].Path.Path);
    }

    [Fact]
    public void AncestorsNumberTheLocatablesInPreOrderBelowTheRoot()
    {
        var rows = Rows();
        Assert.Empty(Ancestors(rows[1]));                       // context/start_time: held by the root
        Assert.Equal([1, 2], Ancestors(rows[3]));               // other_context, its ELEMENT
        Assert.Equal([3, 4], Ancestors(rows[5]));               // OBSERVATION, HISTORY (origin)
        Assert.Equal([3, 4, 5], Ancestors(rows[6]));            // first event's time
        Assert.Equal([3, 4, 5, 6, 7], Ancestors(rows[7]));      // first systolic
        Assert.Equal([3, 4, 5, 6, 8], Ancestors(rows[8]));      // first diastolic: same event (5) as the first systolic
        Assert.Equal([3, 4, 9, 10, 11], Ancestors(rows[10]));   // second systolic: another event (9)
    }

    [Fact]
    public void ValuesGoToTheirTypedColumns()
    {
        var rows = Rows();
        Assert.Equal(("433", "openehr"), (rows[0].Text, rows[0].Term));
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 7, 10, 0, TimeSpan.Zero).ToUnixTimeSeconds(), rows[1].Num);
        Assert.Null(rows[1].Text);
        Assert.Equal((1d, 3d), (rows[3].Num!.Value, rows[4].Num!.Value));
        Assert.Equal((120d, "mm[Hg]"), (rows[7].Num!.Value, rows[7].Term));
        Assert.Null(rows[7].Text);
        Assert.Equal(LeafIndex.MaxText, rows[11].Text!.Length);
    }

    [Fact]
    public void NamesPartiesAndCodePhrasesAreNotIndexed()
    {
        var rows = Rows();
        Assert.DoesNotContain(rows, r => r.Path.Path.Contains("/name", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Path.Path.EndsWith("/language", StringComparison.Ordinal) || r.Path.Path.Contains("/composer", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Path.Path.Contains("/subject", StringComparison.Ordinal));
    }
}
