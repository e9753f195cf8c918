using Fkj.Cdr.Aql.Planning;

namespace Fkj.Cdr.Aql.Semantics;

/// <summary>
/// Which typed column of the query index holds the attribute of a data value that a path names below it
/// (<c>magnitude</c> of a DV_QUANTITY is in <c>num</c>, its <c>units</c> in <c>term</c>), mirroring what the
/// storage's leaf extractor writes. A value the index does not hold exactly (a coded text's <c>value</c>, the
/// text of a date-time) has none, and is read from the document.
/// </summary>
public static class LeafColumns
{
    public static (LeafColumn Column, NumMeaning Meaning) Of(string dataValueType, IReadOnlyList<string> inner)
    {
        var path = string.Join('/', inner);
        return (dataValueType, path) switch
        {
            ("DV_QUANTITY", "magnitude") => (LeafColumn.Num, NumMeaning.Number),
            ("DV_QUANTITY", "units") => (LeafColumn.Term, NumMeaning.Number),
            ("DV_COUNT", "magnitude") => (LeafColumn.Num, NumMeaning.Integer),
            ("DV_PROPORTION", "numerator") => (LeafColumn.Num, NumMeaning.Number),
            ("DV_ORDINAL", "value") => (LeafColumn.Num, NumMeaning.Integer),
            ("DV_SCALE", "value") => (LeafColumn.Num, NumMeaning.Number),
            ("DV_ORDINAL" or "DV_SCALE", "symbol/defining_code/code_string") => (LeafColumn.Text, NumMeaning.Number),
            ("DV_ORDINAL" or "DV_SCALE", "symbol/defining_code/terminology_id/value") => (LeafColumn.Term, NumMeaning.Number),
            ("DV_BOOLEAN", "value") => (LeafColumn.Num, NumMeaning.Boolean),
            ("DV_DATE_TIME", "value") => (LeafColumn.Num, NumMeaning.Instant),
            ("DV_DATE", "value") => (LeafColumn.Num, NumMeaning.Date),
            ("DV_TIME", "value") => (LeafColumn.Num, NumMeaning.TimeOfDay),
            ("DV_DURATION", "value") => (LeafColumn.Text, NumMeaning.Number),
            ("DV_TEXT", "value") => (LeafColumn.Text, NumMeaning.Number),
            ("DV_CODED_TEXT", "defining_code/code_string") => (LeafColumn.Text, NumMeaning.Number),
            ("DV_CODED_TEXT", "defining_code/terminology_id/value") => (LeafColumn.Term, NumMeaning.Number),
            ("DV_IDENTIFIER", "id") => (LeafColumn.Text, NumMeaning.Number),
            ("DV_URI" or "DV_EHR_URI", "value") => (LeafColumn.Text, NumMeaning.Number),
            ("DV_PARSABLE", "value") => (LeafColumn.Text, NumMeaning.Number),
            ("DV_PARSABLE", "formalism") => (LeafColumn.Term, NumMeaning.Number),
            ("DV_STATE", "value/defining_code/code_string") => (LeafColumn.Text, NumMeaning.Number),
            ("DV_MULTIMEDIA", "uri/value") => (LeafColumn.Text, NumMeaning.Number),
            _ => (LeafColumn.None, NumMeaning.Number),
        };
    }

    /// <summary>Whether the index column holds the value whole (texts are cut at 256 characters in the index).</summary>
    public static bool IsExact(LeafColumn column, string dataValueType) =>
        column is LeafColumn.Num or LeafColumn.Term || dataValueType is not ("DV_TEXT" or "DV_URI" or "DV_EHR_URI" or "DV_PARSABLE" or "DV_MULTIMEDIA");
}
