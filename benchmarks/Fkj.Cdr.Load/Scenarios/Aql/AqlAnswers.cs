using System.Globalization;
using System.Text.Json;

namespace Fkj.Cdr.Load.Scenarios.Aql;

/// <summary>
/// The answers of both sides as comparable text: a result set's rows (AQL) and the baselines' SQL rows come out
/// alike when they say the same thing. Date-times compare as seconds since 1970 (the index keeps no offset),
/// numbers in their shortest round-trip form, a missing value as "null".
/// </summary>
public static class AqlAnswers
{
    /// <summary>One row of aql-ehr: composition uid, event time, systolic, diastolic.</summary>
    public static string EhrRow(string? uid, long? epochSeconds, double? systolic, double? diastolic) =>
        string.Join('|', uid ?? "null", epochSeconds?.ToString(CultureInfo.InvariantCulture) ?? "null", Number(systolic), Number(diastolic));

    /// <summary>The systolic values of aql-top, highest first (the EHRs are left out: equal values may come in any order).</summary>
    public static string TopRow(IEnumerable<double> values) => string.Join(',', values.Select(v => Number(v)));

    /// <summary>aql-ehr's result set as <see cref="EhrRow"/> lines.</summary>
    public static string FromEhrResultSet(JsonDocument resultSet) => string.Join('\n', Rows(resultSet).Select(row => EhrRow(
        row.Count > 0 && row[0].ValueKind == JsonValueKind.String ? row[0].GetString() : null,
        row.Count > 1 && row[1].ValueKind == JsonValueKind.String
            ? DateTimeOffset.Parse(row[1].GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.None).ToUnixTimeSeconds()
            : null,
        NumberAt(row, 2),
        NumberAt(row, 3))));

    /// <summary>aql-top's result set as <see cref="TopRow"/> text.</summary>
    public static string FromTopResultSet(JsonDocument resultSet) =>
        TopRow(Rows(resultSet).Select(row => NumberAt(row, 1) ?? double.NaN));

    /// <summary>aql-population's single count.</summary>
    public static long FromCountResultSet(JsonDocument resultSet)
    {
        var rows = Rows(resultSet);
        return rows.Count == 1 && rows[0].Count == 1 && rows[0][0].ValueKind == JsonValueKind.Number
            ? rows[0][0].GetInt64()
            : throw new InvalidDataException("the count query answered no single number");
    }

    private static List<List<JsonElement>> Rows(JsonDocument resultSet) =>
        resultSet.RootElement.TryGetProperty("rows", out var rows) && rows.ValueKind == JsonValueKind.Array
            ? rows.EnumerateArray().Select(r => r.ValueKind == JsonValueKind.Array ? r.EnumerateArray().ToList() : []).ToList()
            : [];

    private static double? NumberAt(List<JsonElement> row, int index) =>
        row.Count > index && row[index].ValueKind == JsonValueKind.Number ? row[index].GetDouble() : null;

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "null";
}
